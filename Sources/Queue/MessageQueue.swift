import Foundation
import Postgres

/// The one message table every service shares. Sending happens inside the caller's transaction,
/// so a message exists if and only if the state change that caused it committed.
public enum MessageQueue {
    /// The NOTIFY channel consumers of `queue` listen on. NOTIFY is only a wake-up hint.
    public static func channel(for queue: String) -> String { "queue_" + queue }

    /// Enqueues a message on `connection`, normally inside the transaction that caused it.
    /// - Parameters:
    ///   - payload: a JSON object, serialised here.
    ///   - dedupeKey: while a message with this key is pending on the queue, sending again is a no-op.
    ///   - priority: higher is taken first.
    ///   - delay: seconds before the message becomes available.
    /// - Returns: the new message's id, or nil when the dedupe key suppressed it.
    /// - Throws: `PostgresError` from the insert.
    @discardableResult
    public static func send(on connection: PostgresConnection, queue: String, payload: [String: Any],
                            dedupeKey: String? = nil, priority: Int = 0, delay: Double = 0,
                            maxAttempts: Int = 10) throws -> Int64? {
        let data = try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
        let rows = try connection.query(SQL.send, [queue, String(decoding: data, as: UTF8.self), priority, delay,
                                                   dedupeKey, maxAttempts])
        try connection.query(SQL.notify, [channel(for: queue)])
        return try rows.first?.decode("id", as: Int64.self)
    }

    /// Pending messages per queue, for `hubctl queues` and `/metrics`.
    public static func depths(on connection: PostgresConnection) throws -> [QueueDepth] {
        try connection.query(SQL.depths).map { row in
            QueueDepth(queue: try row.decode("queue"), ready: try row.decode("ready"), delayed: try row.decode("delayed"),
                       oldestAgeSeconds: try row.decode("oldest_age"), deadLetters: try row.decode("dead"))
        }
    }

    /// Exponential backoff with jitter, capped: 1 s, 2 s, 4 s … up to 5 minutes.
    public static func backoff(afterAttempt attempt: Int) -> Double {
        let base = min(300.0, pow(2.0, Double(max(0, attempt - 1))))
        return base * Double.random(in: 0.75...1.25)
    }

    enum SQL {
        static let send = """
            insert into queue_messages (queue, payload, priority, available_at, dedupe_key, max_attempts)
            values ($1, $2::jsonb, $3, now() + make_interval(secs => $4::float8), $5, $6)
            on conflict (queue, dedupe_key) where dedupe_key is not null do nothing
            returning id
            """
        static let notify = "select pg_notify($1, '')"
        static let take = """
            select id, queue, payload::text as payload, attempts, max_attempts, created_at
              from queue_messages
             where queue = $1 and available_at <= now()
             order by priority desc, available_at, id
             limit $2
               for update skip locked
            """
        static let acknowledge = "delete from queue_messages where id = $1"
        static let retry = """
            update queue_messages
               set attempts = attempts + 1,
                   available_at = now() + make_interval(secs => $2::float8),
                   last_error = $3
             where id = $1
            """
        static let bury = """
            with gone as (delete from queue_messages where id = $1 returning *)
            insert into queue_dead_letters (id, queue, payload, priority, attempts, dedupe_key, last_error, created_at)
            select id, queue, payload, priority, attempts + 1, dedupe_key, $2, created_at from gone
            """
        static let depths = """
            with queues as (select queue from queue_messages union select queue from queue_dead_letters)
            select q.queue,
                   (select count(*) from queue_messages m where m.queue = q.queue and m.available_at <= now())::int as ready,
                   (select count(*) from queue_messages m where m.queue = q.queue and m.available_at > now())::int as delayed,
                   coalesce((select extract(epoch from now() - min(created_at)) from queue_messages m where m.queue = q.queue), 0)::float8 as oldest_age,
                   (select count(*) from queue_dead_letters d where d.queue = q.queue)::int as dead
              from queues q
             order by q.queue
            """
    }
}

/// How much work waits on one queue.
public struct QueueDepth: Sendable {
    public let queue: String
    public let ready: Int
    public let delayed: Int
    public let oldestAgeSeconds: Double
    public let deadLetters: Int
}
