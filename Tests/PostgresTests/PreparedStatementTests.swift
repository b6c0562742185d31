import Foundation
import Postgres
import TestSupport
import Testing

/// `query` prepares each statement text once per connection and runs it by name afterwards.
struct PreparedStatementTests {
    func connect(statementCacheCapacity: Int = PostgresConnection.defaultStatementCacheCapacity) throws -> PostgresConnection {
        try PostgresConnection(conninfo: try TestCluster.shared().emptyDatabase(), statementCacheCapacity: statementCacheCapacity)
    }

    /// How many times this session holds `sql` prepared (asked with a text of its own).
    func prepared(_ sql: String, on connection: PostgresConnection) throws -> Int {
        try connection.query("select count(*)::int as n from pg_prepared_statements where statement = $1", [sql])[0]
            .decode("n", as: Int.self)
    }

    @Test func aStatementIsPreparedOnceAndRunByNameAfterwards() throws {
        let connection = try connect()
        let sql = "select $1::int + 1 as n"
        for n in 1...3 {
            #expect(try connection.query(sql, [n])[0].decode("n", as: Int.self) == n + 1)
        }
        #expect(try prepared(sql, on: connection) == 1)
    }

    @Test func aStatementIsPreparedAgainAfterDiscardAll() throws {
        let connection = try connect()
        let sql = "select $1::text as word"
        #expect(try connection.query(sql, ["halo"])[0].decode("word", as: String.self) == "halo")
        try connection.execute("DISCARD ALL")
        #expect(try connection.query(sql, ["lagi"])[0].decode("word", as: String.self) == "lagi")
        #expect(try prepared(sql, on: connection) == 1)
    }

    @Test func aStatementIsPreparedAgainWhenItsTableGainsAColumn() throws {
        let connection = try connect()
        try StaleStatement.make(on: connection)
        let row = try connection.query(StaleStatement.sql)[0]
        #expect(try row.decode("b", as: String.self) == "baru")
        #expect(try prepared(StaleStatement.sql, on: connection) == 1, "the stale statement was deallocated")
    }

    @Test func aStaleStatementInsideATransactionFailsItAndIsPreparedAgainAfter() throws {
        let connection = try connect()
        try StaleStatement.make(on: connection)
        // The failure aborted the transaction, so it cannot be retried inside it.
        #expect(throws: PostgresError.self) {
            try connection.transaction { try $0.query(StaleStatement.sql) }
        }
        #expect(!connection.inTransaction)
        #expect(try connection.transaction { try $0.query(StaleStatement.sql) }.columns == ["a", "b"])
    }

    @Test func aStatementThatFailsToPrepareFailsAsBeforeAndIsNotKept() throws {
        let connection = try connect()
        let sql = "select * from later"
        #expect(throws: PostgresError.self) { try connection.query(sql) }
        try connection.execute("create table later (n int)")
        #expect(try connection.query(sql).isEmpty)
    }

    @Test func aFailedTransactionStillRefusesEveryStatementUntilRollback() throws {
        let connection = try connect()
        try connection.execute("begin")
        #expect(throws: PostgresError.self) { try connection.query("select 1/0") }
        #expect { try connection.query("select 1") } throws: { error in
            if case .server(let refusal) = error as? PostgresError { return refusal.sqlstate == "25P02" }
            return false
        }
        try connection.execute("rollback")
        #expect(try connection.query("select 1 as n")[0].decode("n", as: Int.self) == 1)
    }

    @Test func theCacheIsBoundedAndEvictedStatementsAreDeallocated() throws {
        let connection = try connect(statementCacheCapacity: 4)
        for n in 1...10 { _ = try connection.query("select \(n) as n") }
        let held = try connection.query("select count(*)::int as n from pg_prepared_statements")[0].decode("n", as: Int.self)
        #expect(held <= 4)
        #expect(try connection.query("select 10 as n")[0].decode("n", as: Int.self) == 10)
    }

    @Test func statementsEvictedInsideATransactionAreDeallocatedAfterIt() throws {
        let connection = try connect(statementCacheCapacity: 2)
        try connection.transaction { connection in
            for n in 1...6 { _ = try connection.query("select \(n) as n") }
        }
        _ = try connection.query("select 0 as n")
        let held = try connection.query("select count(*)::int as n from pg_prepared_statements")[0].decode("n", as: Int.self)
        #expect(held <= 2)
    }

    @Test func aConnectionWithoutACacheParsesEveryStatementAfresh() throws {
        let connection = try connect(statementCacheCapacity: 0)
        _ = try connection.query("select $1::int as n", [1])
        #expect(try connection.query("select count(*)::int as n from pg_prepared_statements")[0].decode("n", as: Int.self) == 0)
    }
}
