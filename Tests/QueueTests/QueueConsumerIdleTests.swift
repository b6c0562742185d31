import Foundation
import Postgres
import Queue
import TestSupport
import Testing

/// An idle consumer costs the database nothing: it sleeps until a NOTIFY, or until the moment the next
/// delayed message or expiring lease it knows of is due, and only then asks for work.
struct QueueConsumerIdleTests {
    func database() throws -> PostgresPool {
        PostgresPool(conninfo: try TestCluster.shared().migratedDatabase(), maximumConnections: 4)
    }

    /// Far longer than any wait below: only a NOTIFY or a known due moment can end a sleep in time.
    static let pollInterval: Double = 600
    /// How long a test waits for a delivery: generous for a loaded machine.
    static let deadline: Double = 60

    func effects(_ pool: PostgresPool) throws -> Int {
        try pool.query("select count(*)::int as n from effects")[0].decode("n", as: Int.self)
    }

    func waitForEffects(_ pool: PostgresPool, _ expected: Int) throws {
        let deadline = Date().addingTimeInterval(Self.deadline)
        while Date() < deadline, try effects(pool) < expected { usleep(20_000) }
    }

    func recordingConsumer(_ pool: PostgresPool, queue: String) -> QueueConsumer {
        QueueConsumer(pool: pool, queue: queue, pollInterval: Self.pollInterval) { connection, message in
            try connection.query("insert into effects values ($1)", [message.id])
        }
    }

    @Test func idleConsumerAsksForWorkOnlyWhenWoken() throws {
        let pool = try database()
        try pool.query("create table effects (message_id bigint)")
        // The default fallback poll, as the services run it.
        let consumer = QueueConsumer(pool: pool, queue: "quiet") { connection, message in
            try connection.query("insert into effects values ($1)", [message.id])
        }
        consumer.start()
        defer { consumer.stop() }
        let started = Date().addingTimeInterval(Self.deadline)
        while Date() < started, consumer.fetches.load(ordering: .relaxed) == 0 { usleep(20_000) }
        // Whatever the machine's speed, an empty queue leaves the consumer asleep: no further fetch
        // happens while nothing is sent.
        usleep(1_500_000)
        #expect(consumer.fetches.load(ordering: .relaxed) == 1)
        try pool.transaction { try MessageQueue.send(on: $0, queue: "quiet", json: "{}") }
        try waitForEffects(pool, 1)
        #expect(try effects(pool) == 1)
    }

    @Test func delayedMessageIsTakenWhenDueWithoutANotification() throws {
        let pool = try database()
        try pool.query("create table effects (message_id bigint)")
        let consumer = recordingConsumer(pool, queue: "later")
        consumer.start()
        defer { consumer.stop() }
        // The send's NOTIFY wakes the consumer at once, too early; it must come back by itself.
        try pool.transaction { try MessageQueue.send(on: $0, queue: "later", json: "{}", delay: 1) }
        try waitForEffects(pool, 1)
        #expect(try effects(pool) == 1, "the consumer slept until the delay ended, not until its poll")
    }

    @Test func expiredLeaseOfADeadConsumerReturnsWithoutAPoll() throws {
        let pool = try database()
        try pool.query("create table effects (message_id bigint)")
        try pool.transaction { try MessageQueue.send(on: $0, queue: "orphan", json: "{}") }
        let taken = try pool.withConnection {
            try MessageQueue.receive(on: $0, queue: "orphan", limit: 1, leaseSeconds: 1, consumer: "died")
        }
        try #require(taken.count == 1)
        let consumer = recordingConsumer(pool, queue: "orphan")
        consumer.start()
        defer { consumer.stop() }
        try waitForEffects(pool, 1)
        #expect(try effects(pool) == 1, "the consumer knew when the lease would run out and took the message then")
    }

    @Test func aLeaseNamesTheEarliestPendingMoment() throws {
        let pool = try database()
        func lease(_ queue: String) throws -> MessageQueue.Lease {
            try pool.withConnection { try MessageQueue.lease(on: $0, queue: queue, limit: 1, leaseSeconds: 600, consumer: "test") }
        }
        #expect(try lease("empty").secondsUntilNextAvailable == nil)
        try pool.transaction {
            try MessageQueue.send(on: $0, queue: "timed", json: "{}", delay: 3600)
            try MessageQueue.send(on: $0, queue: "timed", json: "{}", delay: 60)
        }
        let wait = try #require(try lease("timed").secondsUntilNextAvailable)
        #expect(wait > 0 && wait <= 60)
        try pool.transaction { try MessageQueue.send(on: $0, queue: "timed", json: "{}") }
        let taken = try lease("timed")
        #expect(taken.messages.count == 1)
        #expect(try #require(taken.secondsUntilNextAvailable) <= 60, "the message just leased is due only after 600 s")
        let commit = try pool.query("show synchronous_commit")[0].decode("synchronous_commit", as: String.self)
        #expect(commit == "on", "the lease's fast commit does not outlive it")
    }

    @Test func theEarliestPendingMomentIsFoundAcrossPriorities() throws {
        let pool = try database()
        try pool.transaction {
            try MessageQueue.send(on: $0, queue: "ranked", json: "{}", priority: 5, delay: 3600)
            try MessageQueue.send(on: $0, queue: "ranked", json: "{}", priority: 0, delay: 30)
            try MessageQueue.send(on: $0, queue: "ranked", json: "{}", priority: -2, delay: 1800)
        }
        let lease = try pool.withConnection { try MessageQueue.lease(on: $0, queue: "ranked", limit: 1, leaseSeconds: 600, consumer: "test") }
        #expect(lease.messages.isEmpty)
        let wait = try #require(lease.secondsUntilNextAvailable)
        #expect(wait > 0 && wait <= 30, "the lower priority's message is due first")
    }
}
