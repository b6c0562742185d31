import Foundation
import Postgres
import Queue
import Synchronization
import TestSupport
import Testing

/// A consumer whose handler reads what a whole batch needs once (`QueueConsumer.BatchHandler`).
struct QueueConsumerBatchTests {
    func database() throws -> PostgresPool {
        PostgresPool(conninfo: try TestCluster.shared().migratedDatabase(), maximumConnections: 4)
    }

    func send(_ pool: PostgresPool, queue: String, _ payloads: [String]) throws {
        try pool.transaction { connection in
            for payload in payloads { try MessageQueue.send(on: connection, queue: queue, json: payload) }
        }
    }

    func notes(_ pool: PostgresPool) throws -> [String] {
        try pool.query("select note from effects order by note").map { try $0.decode("note") }
    }

    @Test func theBatchIsReadOnceAndEveryMessageHandledWithWhatItRead() throws {
        let pool = try database()
        try pool.query("create table effects (note text)")
        try send(pool, queue: "batched", (1...5).map { #"{"n": \#($0)}"# })
        let reads = Mutex<[Int]>([])
        let consumer = QueueConsumer(pool: pool, queue: "batched", batches: { connection, messages in
            // What the batch needs, read in the acknowledging transaction (the messages' count here).
            let size = try connection.query("select $1::int as size", [messages.count])[0].decode("size", as: Int.self)
            reads.withLock { $0.append(size) }
            return { connection, message in
                let n = try message.decode(as: [String: Int].self)["n"]!
                try connection.query("insert into effects values ($1)", ["\(n) of \(size)"])
            }
        })
        #expect(try consumer.processBatch() == 5)
        #expect(reads.withLock { $0 } == [5])
        #expect(try notes(pool) == ["1 of 5", "2 of 5", "3 of 5", "4 of 5", "5 of 5"])
        #expect(try pool.query("select count(*)::int as n from queue_messages")[0].decode("n", as: Int.self) == 0)
    }

    @Test func aFailingMessageSendsEachMessageToABatchOfItsOwn() throws {
        let pool = try database()
        try pool.query("create table effects (note text)")
        try send(pool, queue: "mixed", [#"{"n": 1}"#, #"{"n": 2, "bad": 1}"#, #"{"n": 3}"#])
        let reads = Mutex<[Int]>([])
        struct Poisoned: Error {}
        let consumer = QueueConsumer(pool: pool, queue: "mixed", batches: { _, messages in
            reads.withLock { $0.append(messages.count) }
            return { connection, message in
                let fields = try message.decode(as: [String: Int].self)
                try connection.query("insert into effects values ($1)", ["\(fields["n"]!)"])
                if fields["bad"] != nil { throw Poisoned() }
            }
        })
        #expect(try consumer.processBatch() == 3)
        #expect(reads.withLock { $0 } == [3, 1, 1, 1], "the fast pass, then one read per message")
        #expect(try notes(pool) == ["1", "3"], "the poisoned message's effect rolled back, the others kept")
        let left = try pool.query("select attempts, payload->>'n' as n from queue_messages")
        #expect(left.count == 1 && left[0]["n"] == "2")
    }

    @Test func aBatchReadThatFailsLeavesEachMessageToAReadOfItsOwn() throws {
        let pool = try database()
        try pool.query("create table effects (note text)")
        try send(pool, queue: "unreadable", [#"{"n": 1}"#, #"{"n": 2, "bad": 1}"#])
        let consumer = QueueConsumer(pool: pool, queue: "unreadable", batches: { connection, messages in
            // A read that fails in PostgreSQL whenever the bad message is in the batch.
            let bad = try messages.contains { try $0.decode(as: [String: Int].self)["bad"] != nil }
            try connection.query("select 1 / $1::int as one", [bad ? 0 : 1])
            return { connection, message in
                try connection.query("insert into effects values ($1)", ["\(try message.decode(as: [String: Int].self)["n"]!)"])
            }
        })
        #expect(try consumer.processBatch() == 2)
        #expect(try notes(pool) == ["1"])
        #expect(try pool.query("select payload->>'n' as n from queue_messages").map { $0["n"] } == ["2"])
        #expect(consumer.failed.load(ordering: .relaxed) == 1)
    }
}
