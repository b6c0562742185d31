import Foundation
import Postgres
import Synchronization

/// Takes messages from one queue and hands each to a handler inside the transaction that deletes
/// it, so the handler's database writes and the acknowledgement commit together (effects exactly once).
/// Wakes on LISTEN/NOTIFY and polls as a fallback, so a lost notification only delays work.
public final class QueueConsumer: @unchecked Sendable {
    /// Handles one message with the consumer's transaction; throwing releases it for a later retry.
    public typealias Handler = @Sendable (PostgresConnection, QueueMessage) throws -> Void

    public let queue: String
    private let pool: PostgresPool
    private let handler: Handler
    private let batchSize: Int
    private let pollInterval: Double
    private let log: @Sendable (String) -> Void
    private let stopped = Atomic<Bool>(false)
    private let done = NSCondition()
    private var running = false
    /// Messages handled successfully, for metrics.
    public let processed = Atomic<Int>(0)
    /// Handler failures (each a retry or a dead letter), for metrics.
    public let failed = Atomic<Int>(0)

    /// - Parameters:
    ///   - pollInterval: the longest wait between checks when no notification arrives.
    ///   - log: receives one line per notable event (failures, reconnects).
    public init(pool: PostgresPool, queue: String, batchSize: Int = 32, pollInterval: Double = 1,
                log: @escaping @Sendable (String) -> Void = { _ in }, handler: @escaping Handler) {
        self.pool = pool
        self.queue = queue
        self.batchSize = batchSize
        self.pollInterval = pollInterval
        self.log = log
        self.handler = handler
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
                if handled < batchSize { try waitForWork(on: listener) }
            } catch {
                failures += 1
                listener = nil
                log("queue \(queue): \(error); retrying")
                Thread.sleep(forTimeInterval: min(5, 0.2 * Double(failures)))
            }
        }
    }

    /// Waits for a NOTIFY or the poll interval, in short slices so that `stop()` is prompt.
    private func waitForWork(on listener: PostgresConnection?) throws {
        let deadline = Date().addingTimeInterval(pollInterval)
        while !stopped.load(ordering: .relaxed) {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0, let listener else { return }
            if try !listener.waitForNotifications(timeout: min(remaining, 0.25)).isEmpty { return }
        }
    }

    /// Takes up to one batch and handles it; each message in its own savepoint so one poison
    /// message cannot hold back the others.
    /// - Returns: how many messages were taken.
    @discardableResult
    public func processBatch() throws -> Int {
        try pool.withConnection { connection in
            try connection.transaction { connection in
                let messages = try connection.query(MessageQueue.SQL.take, [queue, batchSize]).map(QueueMessage.init)
                for message in messages {
                    do {
                        try connection.savepoint { try handler($0, message) }
                        try connection.query(MessageQueue.SQL.acknowledge, [message.id])
                        processed.wrappingAdd(1, ordering: .relaxed)
                    } catch let error as PostgresError where error.isConnectionProblem {
                        throw error
                    } catch {
                        failed.wrappingAdd(1, ordering: .relaxed)
                        let attempt = message.attempts + 1
                        if attempt >= message.maxAttempts {
                            try connection.query(MessageQueue.SQL.bury, [message.id, String(describing: error)])
                            log("queue \(queue): message \(message.id) dead-lettered after \(attempt) attempts: \(error)")
                        } else {
                            try connection.query(MessageQueue.SQL.retry,
                                                 [message.id, MessageQueue.backoff(afterAttempt: attempt), String(describing: error)])
                            log("queue \(queue): message \(message.id) failed (attempt \(attempt)): \(error)")
                        }
                    }
                }
                return messages.count
            }
        }
    }
}
