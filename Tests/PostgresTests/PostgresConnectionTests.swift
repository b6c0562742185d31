import Foundation
import Postgres
import TestSupport
import Testing

struct PostgresConnectionTests {
    func connect() throws -> PostgresConnection {
        try PostgresConnection(conninfo: try TestCluster.shared().emptyDatabase())
    }

    @Test func parametersRoundTripEveryType() throws {
        let connection = try connect()
        let text = "O'Brien said \"halo\"; drop table x; -- 🙂 Jl. Merdeka"
        let date = Date(timeIntervalSince1970: 1_795_000_000.123456)
        let bytes = Data([0, 1, 2, 254, 255, 92, 120])
        let row = try connection.query("""
            select $1::text as t, $2::int8 as i, $3::float8 as d, $4::bool as b, $5::timestamptz as at,
                   $6::bytea as bin, $7::text as missing, $8::text[] as list, array_length($8::text[], 1) as n
            """, [text, Int64(-9_000_000_000), 3.25, true, date, bytes, String?.none, ["a,b", "c\"d", "e\\f"]])[0]
        #expect(try row.decode("t", as: String.self) == text)
        #expect(try row.decode("i", as: Int64.self) == -9_000_000_000)
        #expect(try row.decode("d", as: Double.self) == 3.25)
        #expect(try row.decode("b", as: Bool.self))
        #expect(abs(try row.decode("at", as: Date.self).timeIntervalSince(date)) < 0.000_001)
        #expect(try row.decode("bin", as: Data.self) == bytes)
        #expect(try row.decode("missing", as: String?.self) == nil)
        #expect(try row.decode("n", as: Int.self) == 3)
    }

    @Test func timestampsDecodeInAnyServerTimeZoneSetting() throws {
        let connection = try connect()
        let row = try connection.query("select '2026-11-23 13:04:19.5+07'::timestamptz as at")[0]
        #expect(try row.decode("at", as: Date.self) == Date(timeIntervalSince1970: 1_795_413_859.5))
    }

    @Test func decodingErrorsNameTheColumn() throws {
        let connection = try connect()
        let row = try connection.query("select 'abc'::text as word, null::int as nothing")[0]
        #expect(throws: PostgresError.self) { try row.decode("word", as: Int.self) }
        #expect(throws: PostgresError.self) { try row.decode("nothing", as: Int.self) }
        #expect(throws: PostgresError.self) { try row.decode("absent", as: String.self) }
        #expect(try row.decode("nothing", as: Int?.self) == nil)
    }

    @Test func serverErrorsCarryTheirSQLSTATE() throws {
        let connection = try connect()
        try connection.execute("create table t (id int primary key, n int check (n > 0))")
        try connection.query("insert into t values ($1, $2)", [1, 1])
        func kind(_ body: () throws -> Void) -> ServerError.Kind? {
            do { try body() } catch let error as PostgresError { return error.kind } catch {}
            return nil
        }
        #expect(kind { try connection.query("insert into t values ($1, $2)", [1, 2]) } == .uniqueViolation)
        #expect(kind { try connection.query("insert into t values ($1, $2)", [2, -1]) } == .checkViolation)
        #expect(kind { try connection.query("select * from nowhere") } == .undefinedTable)
        #expect(kind { try connection.query("select $1::int", ["x"]) } == .invalidTextRepresentation)
        #expect(try connection.query("select count(*)::int as n from t")[0].decode("n", as: Int.self) == 1)
    }

    @Test func transactionRollsBackWhenTheBodyThrows() throws {
        let connection = try connect()
        try connection.execute("create table t (id int primary key)")
        struct Refusal: Error {}
        #expect(throws: Refusal.self) {
            try connection.transaction { connection in
                try connection.query("insert into t values (1)")
                throw Refusal()
            }
        }
        #expect(throws: PostgresError.self) {
            try connection.transaction { connection in
                try connection.query("insert into t values (2)")
                try connection.query("insert into t values (2)")
            }
        }
        #expect(!connection.inTransaction)
        try connection.transaction { try $0.query("insert into t values (3)") }
        #expect(try connection.query("select array_agg(id)::text as ids from t")[0].decode("ids", as: String.self) == "{3}")
    }

    @Test func savepointUndoesOnlyItsOwnWork() throws {
        let connection = try connect()
        try connection.execute("create table t (id int primary key)")
        try connection.transaction { connection in
            try connection.query("insert into t values (1)")
            _ = try? connection.savepoint { try $0.query("insert into t values (1)") }
            try connection.query("insert into t values (2)")
        }
        #expect(try connection.query("select count(*)::int as n from t")[0].decode("n", as: Int.self) == 2)
    }

    @Test func notificationsArriveOnTheListeningConnection() throws {
        let url = try TestCluster.shared().emptyDatabase()
        let listener = try PostgresConnection(conninfo: url)
        let sender = try PostgresConnection(conninfo: url)
        try listener.listen("queue_module.public-works")
        #expect(try listener.waitForNotifications(timeout: 0).isEmpty)
        try sender.query("select pg_notify($1, $2)", ["queue_module.public-works", "hello"])
        var received: [PostgresNotification] = []
        let deadline = Date().addingTimeInterval(60)
        while received.isEmpty, Date() < deadline { received = try listener.waitForNotifications(timeout: 0.25) }
        #expect(received == [PostgresNotification(channel: "queue_module.public-works", payload: "hello")])
    }

    @Test func connectingToNothingFailsWithConnectionFailed() throws {
        let port = try FreePort.find()
        #expect {
            _ = try PostgresConnection(conninfo: "postgresql://postgres@127.0.0.1:\(port)/x", connectTimeout: 2)
        } throws: { error in
            if case .connectionFailed = error as? PostgresError { return true }
            return false
        }
    }
}
