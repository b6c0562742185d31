import Foundation
import HubStore
import Postgres
import Queue
import TestSupport
import Testing

struct MessageQueueTests {
    func database() throws -> PostgresPool {
        PostgresPool(conninfo: try TestCluster.shared().migratedDatabase(), maximumConnections: 8)
    }

    func count(_ pool: PostgresPool, _ sql: String, _ parameters: [any PostgresEncodable] = []) throws -> Int {
        try pool.query(sql, parameters)[0].decode("n", as: Int.self)
    }

    @Test func messageExistsOnlyIfItsTransactionCommitted() throws {
        let pool = try database()
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try pool.transaction { connection in
                try MessageQueue.send(on: connection, queue: "test", json: #"{"n": 1}"#)
                throw Abort()
            }
        }
        try pool.transaction { try MessageQueue.send(on: $0, queue: "test", json: #"{"n": 2}"#) }
        #expect(try count(pool, "select count(*)::int as n from queue_messages") == 1)
        #expect(try count(pool, "select (payload->>'n')::int as n from queue_messages") == 2)
    }

    @Test func secondSendWithTheSameDedupeKeyIsANoOp() throws {
        let pool = try database()
        let first = try pool.transaction { try MessageQueue.send(on: $0, queue: "test", json: "{}", dedupeKey: "k1") }
        let second = try pool.transaction { try MessageQueue.send(on: $0, queue: "test", json: "{}", dedupeKey: "k1") }
        let otherQueue = try pool.transaction { try MessageQueue.send(on: $0, queue: "other", json: "{}", dedupeKey: "k1") }
        #expect(first != nil)
        #expect(second == nil)
        #expect(otherQueue != nil)
        #expect(try count(pool, "select count(*)::int as n from queue_messages") == 2)
    }

    @Test func handlerWritesAndAcknowledgementCommitTogether() throws {
        let pool = try database()
        try pool.query("create table effects (message_id bigint, note text)")
        try pool.transaction { try MessageQueue.send(on: $0, queue: "work", json: #"{"note": "ok"}"#) }
        let consumer = QueueConsumer(pool: pool, queue: "work") { connection, message in
            try connection.query("insert into effects values ($1, $2)", [message.id, try message.decode(as: [String: String].self)["note"]])
        }
        #expect(try consumer.processBatch() == 1)
        #expect(try count(pool, "select count(*)::int as n from effects") == 1)
        #expect(try count(pool, "select count(*)::int as n from queue_messages") == 0)
        #expect(try consumer.processBatch() == 0)
    }

    @Test func anUnprocessableMessageIsDeadLetteredAtOnceAndTheOthersGoThrough() throws {
        let pool = try database()
        try pool.transaction {
            try MessageQueue.send(on: $0, queue: "typed", json: #"{"type": "no.such.thing"}"#)
            try MessageQueue.send(on: $0, queue: "typed", json: #"{"type": "known"}"#)
        }
        try pool.query("create table effects (ok bool)")
        let consumer = QueueConsumer(pool: pool, queue: "typed") { connection, message in
            guard try message.decode(as: [String: String].self)["type"] == "known" else { throw UnprocessableMessage("unknown message type") }
            try connection.query("insert into effects values (true)")
        }
        #expect(try consumer.processBatch() == 2)
        #expect(try count(pool, "select count(*)::int as n from effects") == 1)
        #expect(try count(pool, "select count(*)::int as n from queue_messages") == 0, "no retry waits")
        let dead = try pool.query("select attempts, last_error, payload->>'type' as type from queue_dead_letters")
        #expect(dead.count == 1 && dead[0]["type"] == "no.such.thing" && dead[0]["last_error"] == "unknown message type")
        #expect(try dead[0].decode("attempts", as: Int.self) == 1)
        #expect(consumer.deadLettered.load(ordering: .relaxed) == 1)
    }

    @Test func failingHandlerRetriesWithBackoffThenDeadLetters() throws {
        let pool = try database()
        try pool.transaction {
            try MessageQueue.send(on: $0, queue: "poison", json: #"{"bad": true}"#, maxAttempts: 3)
            try MessageQueue.send(on: $0, queue: "poison", json: #"{"bad": false}"#, maxAttempts: 3)
        }
        try pool.query("create table effects (ok bool)")
        struct Poisoned: Error, CustomStringConvertible { var description: String { "poisoned payload" } }
        let consumer = QueueConsumer(pool: pool, queue: "poison") { connection, message in
            try connection.query("insert into effects values (true)")
            if try message.decode(as: [String: Bool].self)["bad"] == true { throw Poisoned() }
        }
        #expect(try consumer.processBatch() == 2)
        // The good message went through; the poison one waits for its backoff and left no effect.
        #expect(try count(pool, "select count(*)::int as n from effects") == 1)
        #expect(try count(pool, "select attempts as n from queue_messages") == 1)
        #expect(try count(pool, "select (available_at > now())::int as n from queue_messages") == 1)
        #expect(try consumer.processBatch() == 0, "not redelivered before its backoff")
        for _ in 0..<2 {
            try pool.query("update queue_messages set available_at = now()")
            #expect(try consumer.processBatch() == 1)
        }
        #expect(try count(pool, "select count(*)::int as n from queue_messages") == 0)
        let dead = try pool.query("select attempts, last_error, payload->>'bad' as bad from queue_dead_letters")
        #expect(dead.count == 1)
        #expect(try dead[0].decode("attempts", as: Int.self) == 3)
        #expect(dead[0]["last_error"] == "poisoned payload")
        #expect(try count(pool, "select count(*)::int as n from effects") == 1)
    }

    @Test func concurrentConsumersHandleEachMessageExactlyOnce() throws {
        let pool = try database()
        try pool.query("create table effects (message_id bigint)")
        let total = 600
        for batch in 0..<(total / 100) {
            try pool.transaction { connection in
                for n in 0..<100 { try MessageQueue.send(on: connection, queue: "bulk", json: #"{"n": \#(batch * 100 + n)}"#) }
            }
        }
        let consumers = (0..<3).map { _ in
            QueueConsumer(pool: pool, queue: "bulk", batchSize: 16, pollInterval: 0.2) { connection, message in
                try connection.query("insert into effects values ($1)", [message.id])
            }
        }
        consumers.forEach { $0.start() }
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, try count(pool, "select count(*)::int as n from queue_messages") > 0 { usleep(50_000) }
        consumers.forEach { $0.stop() }
        #expect(try count(pool, "select count(*)::int as n from effects") == total)
        #expect(try count(pool, "select count(distinct message_id)::int as n from effects") == total)
        #expect(consumers.map { $0.processed.load(ordering: .relaxed) }.reduce(0, +) == total)
    }

    @Test func notificationWakesAnIdleConsumer() throws {
        let pool = try database()
        try pool.query("create table effects (n int)")
        func effects() throws -> Int { try count(pool, "select count(*)::int as n from effects") }
        func wait(for expected: Int) throws {
            let deadline = Date().addingTimeInterval(Self.notificationDeadline)
            while Date() < deadline, try effects() < expected { usleep(20_000) }
        }
        // A poll interval far longer than the deadline below: only a NOTIFY can deliver in time.
        let consumer = QueueConsumer(pool: pool, queue: "wake", pollInterval: 10 * Self.notificationDeadline) { connection, message in
            try connection.query("insert into effects values ($1)", [try message.decode(as: [String: Int].self)["n"]])
        }
        // The first message is there before the consumer starts (its NOTIFY reaches no one), so the
        // consumer's first fetch takes it. Once it is handled the consumer has fetched and is waiting;
        // it fetches again only when woken, however slowly its thread started.
        try pool.transaction { try MessageQueue.send(on: $0, queue: "wake", json: #"{"n": 1}"#) }
        consumer.start()
        defer { consumer.stop() }
        try wait(for: 1)
        try #require(try effects() == 1, "the consumer's first fetch takes the waiting message")
        try pool.transaction { try MessageQueue.send(on: $0, queue: "wake", json: #"{"n": 2}"#) }
        try wait(for: 2)
        #expect(try effects() == 2, "the second message is delivered when its NOTIFY wakes the consumer, not by a poll")
    }

    /// How long a test waits for a delivery that a NOTIFY causes: generous for a loaded machine, and
    /// a tenth of the consumer's poll interval.
    static let notificationDeadline: Double = 60

    @Test func depthsReportReadyDelayedAndDead() throws {
        let pool = try database()
        try pool.transaction {
            try MessageQueue.send(on: $0, queue: "a", json: "{}")
            try MessageQueue.send(on: $0, queue: "a", json: "{}", delay: 3600)
        }
        let depths = try pool.withConnection { try MessageQueue.depths(on: $0) }
        let a = try #require(depths.first { $0.queue == "a" })
        #expect(a.ready == 1 && a.delayed == 1 && a.deadLetters == 0)
    }

    @Test func leasedMessageIsInvisibleUntilItsLeaseRunsOut() throws {
        let pool = try database()
        try pool.query("create table effects (message_id bigint)")
        try pool.transaction { try MessageQueue.send(on: $0, queue: "lease", json: "{}") }
        // A consumer takes the message and dies without acknowledging it.
        let taken = try pool.withConnection {
            try MessageQueue.receive(on: $0, queue: "lease", limit: 10, leaseSeconds: 60, consumer: "dead")
        }
        #expect(taken.count == 1 && taken[0].attempts == 1)
        let consumer = QueueConsumer(pool: pool, queue: "lease") { connection, message in
            try connection.query("insert into effects values ($1)", [message.id])
        }
        #expect(try consumer.processBatch() == 0, "nobody else receives a leased message")
        #expect(try pool.withConnection { try MessageQueue.extendLease(taken[0], bySeconds: 120, on: $0) })
        try pool.query("update queue_messages set available_at = now()")  // the lease runs out
        #expect(try consumer.processBatch() == 1)
        #expect(try count(pool, "select count(*)::int as n from effects") == 1)
        #expect(try count(pool, "select count(*)::int as n from queue_messages") == 0)
        #expect(try !pool.withConnection { try MessageQueue.extendLease(taken[0], bySeconds: 120, on: $0) },
                "the dead consumer's lease is gone")
    }

    @Test func staleLeaseHolderCannotAcknowledge() throws {
        let pool = try database()
        try pool.query("create table effects (message_id bigint)")
        try pool.transaction { try MessageQueue.send(on: $0, queue: "stale", json: "{}") }
        let first = try pool.withConnection {
            try MessageQueue.receive(on: $0, queue: "stale", limit: 1, leaseSeconds: 60, consumer: "slow")
        }
        try pool.query("update queue_messages set available_at = now()")
        let second = try pool.withConnection {
            try MessageQueue.receive(on: $0, queue: "stale", limit: 1, leaseSeconds: 60, consumer: "fast")
        }
        #expect(first[0].id == second[0].id && first[0].leaseID != second[0].leaseID && second[0].attempts == 2)
        // The slow holder's lease check finds the row re-leased and does not lock or handle it.
        let locked = try pool.withConnection {
            try $0.query("select id from queue_messages where id = $1 and lease_id = $2::uuid", [first[0].id, first[0].leaseID])
        }
        #expect(locked.isEmpty)
    }

    @Test func messageDeliveredTooOftenWithoutCompletingIsDeadLettered() throws {
        let pool = try database()
        try pool.transaction { try MessageQueue.send(on: $0, queue: "crashy", json: "{}", maxAttempts: 2) }
        for _ in 0..<2 {
            _ = try pool.withConnection { try MessageQueue.receive(on: $0, queue: "crashy", limit: 1, leaseSeconds: 60, consumer: "x") }
            try pool.query("update queue_messages set available_at = now()")
        }
        let consumer = QueueConsumer(pool: pool, queue: "crashy") { _, _ in Issue.record("must not be handled again") }
        #expect(try consumer.processBatch() == 1)
        #expect(try count(pool, "select count(*)::int as n from queue_dead_letters") == 1)
        #expect(try count(pool, "select count(*)::int as n from queue_messages") == 0)
    }
}
