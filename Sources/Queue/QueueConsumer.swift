import Foundation
import Postgres
import Synchronization

/// Takes messages from one queue in leased batches and hands each to a handler inside the
/// transaction that acknowledges it, so the handler's database writes and the acknowledgement commit
/// together (effects exactly once). A consumer that dies holds no transaction: its leases run out
/// and the messages return by themselves. Idle, it sends no query: it sleeps until a NOTIFY wakes it,
/// or until the next delayed message or expiring lease it knows of is due, and polls only as a slow
/// fallback (a NOTIFY lost while the listener reconnected).
public final class QueueConsumer: @unchecked Sendable {
    /// Handles one message with the acknowledging transaction; throwing releases it for a later
    /// retry, throwing `UnprocessableMessage` dead-letters it at once.
    public typealias Handler = @Sendable (PostgresConnection, QueueMessage) throws -> Void
    /// Reads what a batch's messages need, in the acknowledging transaction once they are held, and
    /// returns the handler of each: one round trip a batch instead of one a message. When a handler
    /// fails, each message is redone with a batch of its own, so one poison message cannot fail the
    /// reads of the others.
    public typealias BatchHandler = @Sendable (PostgresConnection, [QueueMessage]) throws -> Handler

    public let queue: String
    /// Names this consumer on its leases (`host:pid:queue`), for operators.
    public let name: String
    private let pool: PostgresPool
    private let prepare: BatchHandler
    private let batchSize: Int
    private let pollInterval: Double
    private let leaseSeconds: Double
    private let log: @Sendable (String) -> Void
    private let stopped = Atomic<Bool>(false)
    private let done = NSCondition()
    private var running = false
    /// What the last lease said of the queue's next due message (read and written by the batch's caller).
    private var nextDue: Double?
    /// Messages handled successfully, for metrics.
    public let processed = Atomic<Int>(0)
    /// Leases asked for (each one round trip, whether it found work or not), for metrics.
    public let fetches = Atomic<Int>(0)
    /// Handler failures (each a retry or a dead letter), for metrics.
    public let failed = Atomic<Int>(0)
    /// Messages sent to the dead-letter table, for metrics.
    public let deadLettered = Atomic<Int>(0)

    /// - Parameters:
    ///   - batchSize: messages leased per round trip.
    ///   - pollInterval: the longest wait between checks when no notification arrives and no message
    ///     is due sooner.
    ///   - leaseSeconds: how long a delivery is this consumer's before it returns to the queue.
    ///   - log: receives one line per notable event (failures, reconnects).
    public convenience init(pool: PostgresPool, queue: String, batchSize: Int = 64, pollInterval: Double = 10, leaseSeconds: Double = 30,
                            log: @escaping @Sendable (String) -> Void = { _ in }, handler: @escaping Handler) {
        self.init(pool: pool, queue: queue, batchSize: batchSize, pollInterval: pollInterval, leaseSeconds: leaseSeconds,
                  log: log, batches: { _, _ in handler })
    }

    /// A consumer whose handler reads what a whole batch needs at once (see `BatchHandler`); the
    /// other parameters as in `init(pool:queue:batchSize:pollInterval:leaseSeconds:log:handler:)`.
    public init(pool: PostgresPool, queue: String, batchSize: Int = 64, pollInterval: Double = 10, leaseSeconds: Double = 30,
                log: @escaping @Sendable (String) -> Void = { _ in }, batches prepare: @escaping BatchHandler) {
        self.pool = pool
        self.queue = queue
        self.batchSize = batchSize
        self.pollInterval = pollInterval
        self.leaseSeconds = leaseSeconds
        self.log = log
        self.prepare = prepare
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count)
        let hostName = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        self.name = "\(hostName):\(getpid()):\(queue)"
    }

    /// Starts consuming on a thread of its own.
    public func start() {
        done.lock()
        running = true
        done.unlock()
        let thread = Thread { [self] in
            self.run()
            self.done.lock()
            self.running = false
            self.done.broadcast()
            self.done.unlock()
        }
        thread.name = "queue-\(queue)"
        thread.start()
    }

    /// Asks the consumer to stop and waits until its current batch has committed or rolled back.
    public func stop() {
        stopped.store(true, ordering: .sequentiallyConsistent)
        done.lock()
        while running { done.wait() }
        done.unlock()
    }

    private func run() {
        var listener: PostgresConnection?
        var failures = 0
        while !stopped.load(ordering: .relaxed) {
            do {
                if listener == nil || listener?.isAlive == false {
                    let connection = try PostgresConnection(conninfo: pool.conninfo, applicationName: "queue-listener")
                    try connection.listen(MessageQueue.channel(for: queue))
                    listener = connection
                }
                let handled = try processBatch()
                failures = 0
                if handled < batchSize { try waitForWork(on: listener, atMost: secondsUntilDue()) }
            } catch {
                failures += 1
                listener = nil
                log("queue \(queue): \(error); retrying")
                Thread.sleep(forTimeInterval: min(5, 0.2 * Double(failures)))
            }
        }
    }

    /// How long the consumer may sleep: until the next message it cannot take yet is due, or the
    /// poll interval when none is. Never zero, so rows another consumer is leasing right now cost a
    /// short pause, not a spin.
    private func secondsUntilDue() -> Double {
        min(pollInterval, max(0.05, nextDue ?? pollInterval))
    }

    /// Waits for a NOTIFY or `seconds`, in short slices so that `stop()` is prompt.
    private func waitForWork(on listener: PostgresConnection?, atMost seconds: Double) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !stopped.load(ordering: .relaxed) {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0, let listener else { return }
            if try !listener.waitForNotifications(timeout: min(remaining, 0.25)).isEmpty { return }
        }
    }

    /// Leases one batch and handles it, acknowledging every message in the batch's one transaction.
    /// The batch first runs without savepoints; only if a handler fails is it run again with one
    /// savepoint per message, so one poison message cannot hold back the others.
    /// - Returns: how many messages were leased.
    @discardableResult
    public func processBatch() throws -> Int {
        try pool.withConnection { connection in
            fetches.wrappingAdd(1, ordering: .relaxed)
            let lease = try MessageQueue.lease(on: connection, queue: queue, limit: batchSize,
                                               leaseSeconds: leaseSeconds, consumer: name)
            nextDue = lease.secondsUntilNextAvailable
            let messages = lease.messages
            guard !messages.isEmpty else { return 0 }
            do {
                try handle(messages, isolatingFailures: false, on: connection)
            } catch let error as PostgresError where error.isConnectionProblem {
                throw error
            } catch is HandlerFailure {
                try handle(messages, isolatingFailures: true, on: connection)
            }
            return messages.count
        }
    }

    /// A handler threw during the fast pass; the batch is redone message by message.
    private struct HandlerFailure: Error {}

    private func handle(_ messages: [QueueMessage], isolatingFailures: Bool, on connection: PostgresConnection) throws {
        let acknowledged = try connection.transaction { connection -> Int in
            var live: [QueueMessage] = []
            for message in messages {
                if message.attempts > message.maxAttempts {
                    // Delivered too often without an acknowledgement: its consumers keep dying on it.
                    try connection.query(MessageQueue.SQL.bury, [message.id, "delivered \(message.attempts - 1) times without completing"])
                    deadLettered.wrappingAdd(1, ordering: .relaxed)
                } else {
                    live.append(message)
                }
            }
            let held = Set(try connection.query(MessageQueue.SQL.lock, [live.map { String($0.id) }.postgresArray,
                                                                        live.map(\.leaseID).postgresArray])
                .map { try $0.decode("id", as: Int64.self) })
            var done: [Int64] = []
            let mine = live.filter { held.contains($0.id) }
            for message in live where !held.contains(message.id) {
                log("queue \(queue): lease on message \(message.id) expired before it was handled; left to its new holder")
            }
            let handler = try isolatingFailures || mine.isEmpty ? nil : prepareFast(mine, on: connection)
            for message in mine {
                if let handler {
                    do {
                        try handler(connection, message)
                    } catch let error as PostgresError where error.isConnectionProblem {
                        throw error
                    } catch {
                        throw HandlerFailure()
                    }
                    done.append(message.id)
                    continue
                }
                do {
                    try connection.savepoint { try prepare($0, [message])($0, message) }
                    done.append(message.id)
                } catch let error as PostgresError where error.isConnectionProblem {
                    throw error
                } catch {
                    try fail(message, error, on: connection)
                }
            }
            // With the COMMIT's round trip: its failure fails the COMMIT, and the batch with it.
            if !done.isEmpty {
                try connection.write(MessageQueue.SQL.acknowledge, [done.map(String.init).postgresArray])
            }
            return done.count
        }
        processed.wrappingAdd(acknowledged, ordering: .relaxed)
    }

    /// The batch's handler for the fast pass; its failure sends the batch to the message-by-message pass.
    private func prepareFast(_ messages: [QueueMessage], on connection: PostgresConnection) throws -> Handler {
        do {
            return try prepare(connection, messages)
        } catch let error as PostgresError where error.isConnectionProblem {
            throw error
        } catch {
            throw HandlerFailure()
        }
    }

    private func fail(_ message: QueueMessage, _ error: any Error, on connection: PostgresConnection) throws {
        failed.wrappingAdd(1, ordering: .relaxed)
        let reason = String(describing: error)
        if error is UnprocessableMessage {
            try connection.query(MessageQueue.SQL.bury, [message.id, reason])
            deadLettered.wrappingAdd(1, ordering: .relaxed)
            log("queue \(queue): message \(message.id) dead-lettered, it cannot be processed: \(reason)")
        } else if message.attempts >= message.maxAttempts {
            try connection.query(MessageQueue.SQL.bury, [message.id, reason])
            deadLettered.wrappingAdd(1, ordering: .relaxed)
            log("queue \(queue): message \(message.id) dead-lettered after \(message.attempts) attempts: \(reason)")
        } else {
            try connection.query(MessageQueue.SQL.release, [message.id, MessageQueue.backoff(afterAttempt: message.attempts), reason])
            log("queue \(queue): message \(message.id) failed (attempt \(message.attempts)): \(reason)")
        }
    }
}

extension Array where Element == String {
    /// A PostgreSQL array literal of plain tokens (digits), for `= any($1::bigint[])`.
    var postgresArray: PostgresValue { .text("{" + joined(separator: ",") + "}") }
}
