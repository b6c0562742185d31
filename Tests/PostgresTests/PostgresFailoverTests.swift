import Glibc
import Postgres
import TestSupport
import Testing

/// A failover as the pool meets it, on two real servers named in one libpq multi-host string
/// (`host=a,b port=x,y target_session_attrs=read-write`): the old primary becomes read-only or
/// vanishes, the other one takes writes. A pooled connection to the old primary must fail as a
/// connection problem (answered 503 by the services), be dropped, and the next borrower must land
/// on the server that takes writes, without anyone restarting anything.
@Suite(.serialized)
struct PostgresFailoverTests {
    /// Two servers, the first taking writes and the second read-only, as a primary and its standby.
    struct Pair {
        let first: TestCluster
        let second: TestCluster
        let conninfo: String

        init() throws {
            first = try TestCluster()
            second = try TestCluster()
            try Self.setReadOnly(second, true)
            conninfo = "host=127.0.0.1,127.0.0.1 port=\(first.port),\(second.port) dbname=postgres user=postgres "
                + "target_session_attrs=read-write"
        }

        /// Makes every new transaction on `cluster` read-only, or writable again (a reload, as a
        /// server that is demoted or promoted changes for sessions it already has).
        static func setReadOnly(_ cluster: TestCluster, _ readOnly: Bool) throws {
            let admin = try PostgresConnection(conninfo: cluster.url(database: "postgres"))
            try admin.execute("alter system set default_transaction_read_only = \(readOnly ? "on" : "off")")
            try admin.execute("select pg_reload_conf()")
            // The postmaster rereads its configuration a moment later: wait until new sessions see it.
            let expected = readOnly ? "on" : "off"
            for _ in 0..<100 {
                let fresh = try PostgresConnection(conninfo: cluster.url(database: "postgres"))
                if try fresh.query("show default_transaction_read_only")[0]["default_transaction_read_only"] == expected { return }
                usleep(20_000)
            }
            throw TestSupportError("default_transaction_read_only did not become \(expected)")
        }

        /// The port of the server a connection is on.
        static func port(of connection: PostgresConnection) throws -> Int {
            try connection.query("select current_setting('port')::int as port")[0].decode("port", as: Int.self)
        }
    }

    @Test func aPooledConnectionToAPrimaryTurnedReadOnlyIsDroppedAndTheNextGoesToTheNewPrimary() throws {
        let pair = try Pair()
        let pool = PostgresPool(conninfo: pair.conninfo, maximumConnections: 1)
        let (oldPID, oldPort) = try pool.withConnection { ($0.backendPID, try Pair.port(of: $0)) }
        #expect(oldPort == pair.first.port)

        // The switch: the old primary turns read-only, the standby takes writes.
        try Pair.setReadOnly(pair.first, true)
        try Pair.setReadOnly(pair.second, false)

        #expect {
            try pool.query("create table written_during_the_switch (n int)")
        } throws: { error in
            guard let error = error as? PostgresError else { return false }
            return error.kind == .readOnlyTransaction && error.isConnectionProblem
        }
        let (newPID, newPort) = try pool.withConnection { ($0.backendPID, try Pair.port(of: $0)) }
        #expect(newPID != oldPID)
        #expect(newPort == pair.second.port)
        try pool.query("create table written_after_the_switch (n int)")
        try pair.first.stop(mode: "immediate")
        try pair.second.stop(mode: "immediate")
    }

    @Test func whenThePrimaryVanishesThePoolFailsAsAConnectionProblemThenFindsTheNewPrimary() throws {
        let pair = try Pair()
        let pool = PostgresPool(conninfo: pair.conninfo, maximumConnections: 2)
        try pool.query("create table t (n int)")
        // Two connections in the pool, both on the old primary.
        let held = try pool.withConnection { outer in
            try pool.withConnection { inner in [try Pair.port(of: outer), try Pair.port(of: inner)] }
        }
        #expect(held == [pair.first.port, pair.first.port])
        try pair.first.stop(mode: "immediate")
        try Pair.setReadOnly(pair.second, false)

        // Every borrower either reaches the new primary or gets a connection problem (a 503), never
        // another error, and within the pool's size the old connections are all gone.
        var ports: [Int] = []
        for _ in 0..<3 {
            do {
                ports.append(try pool.withConnection { connection in
                    try connection.query("create table if not exists after (n int)")
                    return try Pair.port(of: connection)
                })
            } catch let error as PostgresError {
                #expect(error.isConnectionProblem, "\(error)")
            }
        }
        #expect(ports.last == pair.second.port)
        try pair.second.stop(mode: "immediate")
    }

    @Test func withNoServerTakingWritesANewConnectionIsAConnectionProblem() throws {
        let pair = try Pair()
        try Pair.setReadOnly(pair.first, true)
        // Between the old primary's fall and the promotion: nobody takes writes.
        let pool = PostgresPool(conninfo: pair.conninfo, maximumConnections: 1)
        #expect {
            try pool.query("select 1")
        } throws: { error in
            (error as? PostgresError)?.isConnectionProblem == true
        }
        try Pair.setReadOnly(pair.second, false)
        #expect(try pool.query("select 1 as n")[0].decode("n", as: Int.self) == 1)
        try pair.first.stop(mode: "immediate")
        try pair.second.stop(mode: "immediate")
    }
}
