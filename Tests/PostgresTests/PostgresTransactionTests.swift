import Foundation
import Postgres
import TestSupport
import Testing

/// `transaction` sends nothing before it must: its BEGIN and its writes travel with the next
/// statement that needs an answer, or with the COMMIT.
struct PostgresTransactionTests {
    func connect() throws -> (PostgresConnection, observer: PostgresConnection) {
        let url = try TestCluster.shared().emptyDatabase()
        return (try PostgresConnection(conninfo: url), try PostgresConnection(conninfo: url))
    }

    /// What the server says the session behind `connection` is doing.
    func state(of connection: PostgresConnection, seenBy observer: PostgresConnection) throws -> String {
        try observer.query("select state from pg_stat_activity where pid = $1", [connection.backendPID])[0].decode("state")
    }

    @Test func writesWaitForTheCommitAndArriveInOrder() throws {
        let (connection, observer) = try connect()
        try connection.execute("create table t (id int primary key, word text)")
        try connection.transaction { connection in
            try connection.write("insert into t values ($1, $2)", [1, "satu"])
            try connection.write("update t set word = $2 where id = $1", [1, "SATU"])
            #expect(connection.inTransaction)
            #expect(try state(of: connection, seenBy: observer) == "idle", "nothing, not even BEGIN, was sent")
            #expect(try observer.query("select 1 from t").isEmpty)
        }
        #expect(try observer.query("select word from t")[0].decode("word", as: String.self) == "SATU")
    }

    @Test func aStatementThatNeedsAnAnswerCarriesTheWritesBeforeIt() throws {
        let (connection, observer) = try connect()
        try connection.execute("create table t (id int primary key)")
        try connection.transaction { connection in
            try connection.write("insert into t values ($1)", [1])
            try connection.write("insert into t values ($1)", [2])
            #expect(try connection.query("select count(*)::int as n from t")[0].decode("n", as: Int.self) == 2)
            #expect(try state(of: connection, seenBy: observer) == "idle in transaction")
            #expect(try observer.query("select 1 from t").isEmpty, "not committed yet")
        }
        #expect(try observer.query("select 1 from t").count == 2)
    }

    @Test func aFailingWriteFailsTheCommitWithItsOwnErrorAndNothingStays() throws {
        let (connection, observer) = try connect()
        try connection.execute("create table t (id int primary key, n int constraint t_small check (n < 10))")
        #expect {
            try connection.transaction { connection in
                try connection.write("insert into t values ($1, $2)", [1, 1])
                try connection.write("insert into t values ($1, $2)", [2, 99])
            }
        } throws: { error in
            (error as? PostgresError)?.constraintName == "t_small"
        }
        #expect(try observer.query("select 1 from t").isEmpty)
        #expect(!connection.inTransaction)
        try connection.transaction { try $0.write("insert into t values ($1, $2)", [3, 3]) }
        #expect(try observer.query("select id from t")[0].decode("id", as: Int.self) == 3, "the connection is usable afterwards")
    }

    @Test func aFailingWriteFailsTheNextQueryWithItsOwnError() throws {
        let (connection, _) = try connect()
        try connection.execute("create table t (id int primary key)")
        try connection.query("insert into t values (1)")
        #expect {
            try connection.transaction { connection in
                try connection.write("insert into t values ($1)", [1])
                _ = try connection.query("select 1")
            }
        } throws: { error in
            (error as? PostgresError)?.kind == .uniqueViolation
        }
        #expect(!connection.inTransaction)
    }

    @Test func afterCommitStatementsRunOncePerKeyAfterTheCommitAndNeverAfterARollback() throws {
        let (connection, observer) = try connect()
        try connection.execute("create table log (word text)")
        try connection.transaction { connection in
            try connection.write("insert into log values ('work')")
            try connection.afterCommit(key: "a", "insert into log values ('a')")
            try connection.afterCommit(key: "a", "insert into log values ('a again')")
            try connection.afterCommit(key: "b", "insert into log values ('b: ' || (select count(*) from log))")
        }
        let words = try observer.query("select word from log order by word").map { try $0.decode("word", as: String.self) }
        #expect(words == ["a", "b: 2", "work"])
        struct Abort: Error {}
        _ = try? connection.transaction { connection in
            try connection.write("insert into log values ('rolled back')")
            try connection.afterCommit(key: "c", "insert into log values ('c')")
            throw Abort()
        }
        #expect(try observer.query("select 1 from log").count == 3, "a rolled-back transaction's statements never run")
        try connection.afterCommit(key: "d", "insert into log values ('d')")
        #expect(try observer.query("select 1 from log where word = 'd'").count == 1, "outside a transaction it runs at once")
    }

    @Test func readsAfterTheCommitSeeTheCommittedWorkInTheSameTrip() throws {
        let (connection, _) = try connect()
        try connection.execute("create table t (id int primary key)")
        let (value, rows) = try connection.transaction({ connection -> Int in
            try connection.write("insert into t values ($1)", [7])
            return 7
        }, thenReading: { id, batch in
            batch.query("select id, pg_current_xact_id_if_assigned() is null as outside from t where id = $1", [id])
        })
        #expect(value == 7)
        #expect(try rows[0][0].decode("id", as: Int.self) == 7)
        #expect(try rows[0][0].decode("outside", as: Bool.self), "the read runs after the COMMIT, in no write transaction")
        struct Abort: Error {}
        var read = false
        _ = try? connection.transaction({ _ -> Int in throw Abort() }, thenReading: { _, _ in read = true })
        #expect(!read)
    }

    @Test func readsInASnapshotOfTheirOwnFollowTheCommitBeforeItsWakeUpHints() throws {
        let (connection, observer) = try connect()
        try connection.execute("create table t (id int primary key)")
        try observer.listen("t_changed")
        let (_, rows) = try connection.transaction({ connection in
            try connection.write("insert into t values ($1)", [1])
            try connection.afterCommit(key: "hint", "select pg_notify('t_changed', '')")
        }, thenReading: { _, batch in
            batch.query("begin isolation level repeatable read read only")
            batch.query("select count(*)::int as n from t")
            batch.query("commit")
        })
        #expect(try rows[1][0].decode("n", as: Int.self) == 1)
        #expect(try observer.waitForNotifications(timeout: 5).map(\.channel) == ["t_changed"], "the hint went too")
    }

    @Test func aTransactionThatSendsNothingCommitsNothing() throws {
        let (connection, observer) = try connect()
        try connection.transaction { _ in }
        #expect(!connection.inTransaction)
        #expect(try state(of: connection, seenBy: observer) == "idle")
        #expect(try connection.query("select 1 as one")[0].decode("one", as: Int.self) == 1)
    }
}
