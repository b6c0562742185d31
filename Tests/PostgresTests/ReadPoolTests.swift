import Glibc
import Postgres
import Synchronization
import TestSupport
import Testing

/// `ReadPool` on real servers: reads where the route says, a read server that goes away costing one
/// retry on the primary (said once in the log), and writes that tell the position they reached.
/// (A real streaming standby, its replay paused and resumed, is driven end to end in
/// Tests/deployment/test_read_replica.py.)
@Suite(.serialized)
struct ReadPoolTests {
    /// The lines a pool logged.
    final class Log: Sendable {
        let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        func write(_ message: String, _ isProblem: Bool) { lines.withLock { $0.append(message) } }
    }

    static func port(of pool: ReadPool, after written: WALPosition? = nil) throws -> Int {
        try pool.withConnection(after: written) { try $0.query("select current_setting('port')::int as port")[0].decode("port", as: Int.self) }
    }

    /// Waits (at most 10 s) until the pool routes reads as `expected`.
    static func waitForRoute(_ pool: ReadPool, _ expected: ReadRoute) throws {
        for _ in 0..<500 {
            if pool.route(after: nil) == expected { return }
            usleep(20_000)
        }
        throw TestSupportError("the route did not become \(expected): \(pool.route(after: nil))")
    }

    @Test func withoutAReadServerEveryReadIsThePrimarysAndWritesTellNoPosition() throws {
        let cluster = try TestCluster.shared()
        let primary = PostgresPool(conninfo: cluster.url(database: "postgres"), maximumConnections: 2)
        let pool = ReadPool(primary: primary, replica: nil, maximumLag: 1)
        #expect(pool.route(after: nil) == .primary(.noReplica))
        #expect(try Self.port(of: pool) == cluster.port)
        #expect(try pool.transaction { try $0.query("select 1") }.written == nil)
        #expect(!pool.tracksWrites)
    }

    @Test func aWriteTellsAPositionItsServerHasReachedAndNoFurther() throws {
        let cluster = try TestCluster.shared()
        let url = try cluster.emptyDatabase()
        let primary = PostgresPool(conninfo: url, maximumConnections: 2)
        let pool = ReadPool(primary: primary, replica: PostgresPool(conninfo: url, maximumConnections: 1), maximumLag: 1)
        defer { pool.shutdown() }
        let current = { try #require(WALPosition(try primary.query("select pg_current_wal_lsn()::text as at")[0].decode("at", as: String.self))) }
        try primary.query("create table marks (id int)")
        let before = try current()
        let (_, rows, written) = try pool.transaction({ try $0.write("insert into marks values (1)") },
                                                      thenReading: { _, batch in batch.query("select count(*) as n from marks") })
        let position = try #require(written)
        #expect(position > before)
        #expect(position <= (try current()))
        #expect(try rows[0][0].decode("n", as: Int.self) == 1, "the caller's own reads come back without the position's")
    }

    @Test func aReadServerThatGoesAwayCostsOneRetryOnThePrimaryAndIsToldOnce() throws {
        let cluster = try TestCluster.shared()
        // A server not in recovery holds everything, so reads go to it: a stand-in for a caught-up replica.
        let reader = try TestCluster()
        let log = Log()
        let primary = PostgresPool(conninfo: cluster.url(database: "postgres"), maximumConnections: 2)
        let pool = ReadPool(primary: primary, replica: PostgresPool(conninfo: reader.url(database: "postgres"), maximumConnections: 2),
                            maximumLag: 1, probeInterval: 0.05, log: log.write)
        defer { pool.shutdown() }
        try Self.waitForRoute(pool, .replica)
        #expect(try Self.port(of: pool) == reader.port)
        #expect(try Self.port(of: pool, after: WALPosition(.max)) == reader.port, "a primary holds every write")

        try reader.stop(mode: "immediate")
        // Whether the probe or this read finds out first, the read is answered, by the primary.
        #expect(try Self.port(of: pool) == cluster.port)
        try Self.waitForRoute(pool, .primary(.away))
        for _ in 0..<5 { #expect(try Self.port(of: pool) == cluster.port) }
        usleep(300_000)  // several probes, each finding it away
        let told = log.all
        #expect(told.count == 2, "\(told)")
        #expect(told.first == "lag-tolerant reads go to the read replica")
        #expect(told.last?.hasPrefix("the read replica is away (") == true, "\(told)")

        try reader.start()
        try Self.waitForRoute(pool, .replica)
        #expect(try Self.port(of: pool) == reader.port)
        #expect(log.all.count == 3)
        #expect(pool.status.replicaReads >= 3)
    }

    @Test func theProbeCallsOnlyWhatAnyRoleMayCall() throws {
        let cluster = try TestCluster.shared()
        let admin = try PostgresConnection(conninfo: cluster.url(database: "postgres"))
        try admin.execute("do $$ begin create role hub_probe_test login; exception when duplicate_object then null; end $$")
        let primary = PostgresPool(conninfo: cluster.url(database: "postgres"), maximumConnections: 1)
        let pool = ReadPool(primary: primary, replica: PostgresPool(conninfo: TestCluster.url(cluster.url(database: "postgres"), role: "hub_probe_test"),
                                                                    maximumConnections: 1),
                            maximumLag: 1, probeInterval: 0.05)
        defer { pool.shutdown() }
        try Self.waitForRoute(pool, .replica)
    }
}
