import Foundation
import Postgres
import TestSupport
import Testing

struct PostgresRowsTests {
    func connect() throws -> PostgresConnection {
        try PostgresConnection(conninfo: try TestCluster.shared().emptyDatabase())
    }

    @Test func manyRowsOfManyColumnsReadByName() throws {
        let connection = try connect()
        let names = (1...12).map { "c\($0)" }
        let select = names.enumerated().map { "g * \($0.offset + 1) as \($0.element)" }.joined(separator: ", ")
        let rows = try connection.query("select \(select) from generate_series(1, 50) g order by g")
        #expect(rows.count == 50)
        #expect(rows.columns == names)
        for (index, row) in rows.enumerated() {
            #expect(try row.decode("c12", as: Int.self) == (index + 1) * 12)
            #expect(try row.decode("c1", as: Int.self) == index + 1)
        }
        #expect(throws: PostgresError.self) { try rows[0].decode("c13", as: Int.self) }
    }

    @Test func aRepeatedColumnNameReadsTheFirst() throws {
        let connection = try connect()
        let one = try connection.query("select 1 as n, 2 as n")
        #expect(try one[0].decode("n", as: Int.self) == 1)
        let many = try connection.query("select g as n, -g as n, 0 as a, 0 as b, 0 as c, 0 as d, 0 as e, 0 as f, 0 as h from generate_series(1, 2) g")
        #expect(try many[1].decode("n", as: Int.self) == 2)
    }

    @Test func textAndNullCellsReadAsTheyWere() throws {
        let connection = try connect()
        let text = "Jl. Merdeka 🙂\nbaris dua"
        let row = try connection.query("select $1::text as t, null::text as missing, ''::text as empty", [text])[0]
        #expect(row["t"] == text)
        #expect(row["missing"] == nil)
        #expect(row["empty"] == "")
        #expect(row["absent"] == nil)
    }

    @Test func rowsOutliveTheStatementThatReadThem() throws {
        var rows: PostgresRows?
        do {
            let connection = try connect()
            rows = try connection.query("select 'tetap' as word")
        }
        #expect(try rows?[0].decode("word", as: String.self) == "tetap")
    }

    @Test func changesCountTheRowsTheyTouched() throws {
        let connection = try connect()
        try connection.execute("create table t (n int)")
        #expect(try connection.query("insert into t select generate_series(1, 3)").affectedRows == 3)
        #expect(try connection.query("update t set n = n + 1 where n > $1", [1]).affectedRows == 2)
        #expect(try connection.query("create index on t (n)").isEmpty)
    }
}
