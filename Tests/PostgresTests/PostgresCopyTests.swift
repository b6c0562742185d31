import Foundation
import Postgres
import TestSupport
import Testing

struct PostgresCopyTests {
    func connectWithTable() throws -> PostgresConnection {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().emptyDatabase())
        try connection.execute("create table t (id int primary key, name text, at timestamptz, bin bytea)")
        return connection
    }

    @Test func copiesRowsWithEscapesNullsAndBytes() throws {
        let connection = try connectWithTable()
        let awkward = "tab\there\nnew line\\back\r 🙂 O'Brien"
        let stored = try connection.copyIn("copy t (id, name, at, bin) from stdin") { rows in
            try rows.row(["1", awkward, "2026-11-23 13:04:19.5+07", "\\x00ff5c"])
            try rows.row(["2", nil, nil, nil])
            for id in 3...5000 { try rows.row([String(id), "row \(id)", nil, nil]) }
        }
        #expect(stored == 5000)
        let first = try connection.query("select name, at, bin from t where id = 1")[0]
        #expect(try first.decode("name", as: String.self) == awkward)
        #expect(try first.decode("at", as: Date.self) == Date(timeIntervalSince1970: 1_795_413_859.5))
        #expect(try first.decode("bin", as: Data.self) == Data([0x00, 0xFF, 0x5C]))
        #expect(try connection.query("select name from t where id = 2")[0].decode("name", as: String?.self) == nil)
        #expect(try connection.query("select count(*) as n from t")[0].decode("n", as: Int.self) == 5000)
    }

    @Test func aRowTheServerRefusesLeavesNothingAndTheConnectionUsable() throws {
        let connection = try connectWithTable()
        #expect(throws: PostgresError.self) {
            try connection.copyIn("copy t (id, name) from stdin") { rows in
                for id in 1...1000 { try rows.row([String(id), "ok"]) }
                try rows.row(["not a number", "bad"])
                for id in 1001...2000 { try rows.row([String(id), "ok"]) }
            }
        }
        #expect(try connection.query("select count(*) as n from t")[0].decode("n", as: Int.self) == 0)
        #expect(try connection.query("select 1 as one")[0].decode("one", as: Int.self) == 1)
    }

    @Test func aDuplicateKeyFailsTheWholeCopyWithItsSQLSTATE() throws {
        let connection = try connectWithTable()
        var kind: ServerError.Kind?
        do {
            try connection.copyIn("copy t (id) from stdin") { rows in
                try rows.row(["1"])
                try rows.row(["1"])
            }
        } catch let error as PostgresError {
            kind = error.kind
        }
        #expect(kind == .uniqueViolation)
        #expect(try connection.query("select count(*) as n from t")[0].decode("n", as: Int.self) == 0)
    }

    struct Abandoned: Error {}

    @Test func anErrorThrownWhileWritingAbandonsTheCopyAndTheConnectionStaysUsable() throws {
        let connection = try connectWithTable()
        #expect(throws: Abandoned.self) {
            try connection.copyIn("copy t (id) from stdin") { rows in
                for id in 1...100_000 { try rows.row([String(id)]) }  // several chunks already sent
                throw Abandoned()
            }
        }
        #expect(!connection.inTransaction)
        #expect(try connection.query("select count(*) as n from t")[0].decode("n", as: Int.self) == 0)
        #expect(try connection.copyIn("copy t (id) from stdin") { try $0.row(["7"]) } == 1)
    }

    @Test func insideATransactionAFailedCopyRollsBackWithIt() throws {
        let connection = try connectWithTable()
        #expect(throws: Abandoned.self) {
            try connection.transaction { connection in
                try connection.query("insert into t (id) values (1)")
                try connection.copyIn("copy t (id) from stdin") { rows in
                    try rows.row(["2"])
                    throw Abandoned()
                }
            }
        }
        #expect(try connection.query("select count(*) as n from t")[0].decode("n", as: Int.self) == 0)
    }

    @Test func aCopyStatementTheServerRefusesThrowsBeforeAnyRow() throws {
        let connection = try connectWithTable()
        #expect(throws: PostgresError.self) {
            try connection.copyIn("copy missing_table (id) from stdin") { _ in Issue.record("no rows asked for") }
        }
        #expect(try connection.query("select 1 as one")[0].decode("one", as: Int.self) == 1)
    }
}
