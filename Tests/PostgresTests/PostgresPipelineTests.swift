import Foundation
import Postgres
import TestSupport
import Testing

struct PostgresPipelineTests {
    func connect() throws -> PostgresConnection {
        try PostgresConnection(conninfo: try TestCluster.shared().emptyDatabase())
    }

    /// The statement a pipeline's error names, and the error itself.
    func failure(_ body: () throws -> Void) -> (statement: Int, kind: ServerError.Kind?)? {
        do { try body() } catch PostgresError.inPipeline(let statement, let error) {
            return (statement, error.kind)
        } catch {}
        return nil
    }

    @Test func resultsComeBackInTheOrderTheStatementsWereQueued() throws {
        let connection = try connect()
        try connection.execute("create table t (id int primary key, word text)")
        let results = try connection.pipeline { batch in
            batch.query("insert into t values ($1, $2) returning id", [1, "satu"])
            batch.query("insert into t values ($1, $2)", [2, "dua"])
            batch.query("select word from t order by id")
            batch.query("select $1::int * 2 as n", [21])
        }
        #expect(results.count == 4)
        #expect(try results[0][0].decode("id", as: Int.self) == 1)
        #expect(results[1].affectedRows == 1)
        #expect(try results[2].map { try $0.decode("word", as: String.self) } == ["satu", "dua"])
        #expect(try results[3][0].decode("n", as: Int.self) == 42)
    }

    @Test func anErrorNamesItsStatementStopsTheRestAndUndoesTheBatch() throws {
        let connection = try connect()
        try connection.execute("create table t (id int primary key)")
        try connection.query("insert into t values (1)")
        let failed = failure {
            _ = try connection.pipeline { batch in
                batch.query("insert into t values ($1)", [2])
                batch.query("insert into t values ($1)", [1])
                batch.query("insert into t values ($1)", [3])
            }
        }
        #expect(failed?.statement == 1)
        #expect(failed?.kind == .uniqueViolation)
        // Outside a transaction the batch is one implicit transaction: nothing of it stays.
        #expect(try connection.query("select array_agg(id order by id)::text as ids from t")[0]["ids"] == "{1}")
        #expect(!connection.inTransaction)
    }

    @Test func theConnectionIsUsableAfterAFailedPipeline() throws {
        let connection = try connect()
        _ = failure {
            _ = try connection.pipeline { batch in
                batch.query("select 1 as n")
                batch.query("select * from nowhere")
                batch.query("select 3 as n")
            }
        }
        #expect(try connection.query("select 2 as n")[0].decode("n", as: Int.self) == 2)
        let again = try connection.pipeline { batch in
            batch.query("select 1 as n")
            batch.query("select 3 as n")
        }
        #expect(try again.map { try $0[0].decode("n", as: Int.self) } == [1, 3])
    }

    @Test func aFailureInsideATransactionAbortsItAndTheTransactionRollsBack() throws {
        let connection = try connect()
        try connection.execute("create table t (id int primary key)")
        #expect(throws: PostgresError.self) {
            try connection.transaction { connection in
                try connection.query("insert into t values (1)")
                _ = try connection.pipeline { batch in
                    batch.query("insert into t values ($1)", [2])
                    batch.query("insert into t values ($1)", ["zwei"])
                }
            }
        }
        #expect(!connection.inTransaction)
        #expect(try connection.query("select count(*)::int as n from t")[0].decode("n", as: Int.self) == 0)
    }

    @Test func aBatchThatOpensItsOwnTransactionIsRolledBackWhenItFails() throws {
        let connection = try connect()
        try connection.execute("create table t (id int primary key)")
        let failed = failure {
            _ = try connection.pipeline { batch in
                batch.query("begin")
                batch.query("insert into t values ($1)", [1])
                batch.query("insert into t values ($1)", [1])
                batch.query("commit")
            }
        }
        #expect(failed?.statement == 2)
        #expect(!connection.inTransaction)
        #expect(try connection.query("select count(*)::int as n from t")[0].decode("n", as: Int.self) == 0)
    }

    @Test func pipelinedStatementsArePreparedOnceAndShareQueryStatements() throws {
        let connection = try connect()
        let sql = "select $1::int + 1 as n"
        _ = try connection.query(sql, [0])
        for _ in 1...2 {
            let results = try connection.pipeline { batch in
                batch.query(sql, [1])
                batch.query(sql, [2])
            }
            #expect(try results.map { try $0[0].decode("n", as: Int.self) } == [2, 3])
        }
        #expect(try connection.query("select count(*)::int as n from pg_prepared_statements where statement = $1", [sql])[0]
            .decode("n", as: Int.self) == 1)
    }

    @Test func aPipelineAfterDiscardAllPreparesItsStatementsAgain() throws {
        let connection = try connect()
        try connection.execute("create table t (id int)")
        let insert = "insert into t values ($1)"
        _ = try connection.pipeline { $0.query(insert, [1]) }
        try connection.execute("DISCARD ALL")
        _ = try connection.pipeline { batch in
            batch.query(insert, [2])
            batch.query(insert, [3])
        }
        #expect(try connection.query("select array_agg(id order by id)::text as ids from t")[0]["ids"] == "{1,2,3}")
    }

    @Test func aBatchThatCommitsPartWayIsNotSentAgainWhenALaterStatementIsStale() throws {
        let connection = try connect()
        try connection.execute("create table t (id int)")
        try StaleStatement.make(on: connection)
        let read = StaleStatement.sql
        let failed = failure {
            _ = try connection.pipeline { batch in
                batch.query("begin")
                batch.query("insert into t values ($1)", [1])
                batch.query("commit")
                batch.query(read)
            }
        }
        #expect(failed?.statement == 3)
        #expect(try connection.query("select count(*)::int as n from t")[0].decode("n", as: Int.self) == 1,
                "the committed insert ran once")
        #expect(try connection.query(read).columns == ["a", "b"])
    }

    @Test func anEmptyBatchSendsNothing() throws {
        let connection = try connect()
        #expect(try connection.pipeline { _ in }.isEmpty)
    }

    @Test func aPipelineErrorKeepsItsKindForCallersThatMapIt() {
        let refusal = ServerError(sqlstate: "23505", message: "duplicate key", constraint: "t_pkey")
        let error = PostgresError.inPipeline(statement: 2, .server(refusal))
        #expect(error.kind == .uniqueViolation)
        #expect(error.constraintName == "t_pkey")
        #expect(!error.isConnectionProblem)
        #expect(PostgresError.inPipeline(statement: 0, .connectionLost("gone")).isConnectionProblem)
        #expect(error.description.contains("statement 3"))
    }
}
