import Foundation
import Postgres

/// The one message table every service shares. Sending happens inside the caller's transaction,
/// so a message exists if and only if the state change that caused it committed.
public enum MessageQueue {
    /// The NOTIFY channel consumers of `queue` listen on. NOTIFY is only a wake-up hint.
    public static func channel(for queue: String) -> String { "queue_" + queue }

    /// Enqueues a message on `connection`, normally inside the transaction that caused it.
    /// - Parameters:
    ///   - json: the payload, a JSON object as text (a typed message its owner encoded).
    ///   - dedupeKey: while a message with this key is pending on the queue, sending again is a no-op.
    ///   - priority: higher is taken first.
    ///   - delay: seconds before the message becomes available.
    ///   - maxAttempts: deliveries before the message is dead-lettered.
    /// - Returns: the new message's id, or nil when the dedupe key suppressed it.
    /// - Throws: `PostgresError` from the insert (the text not being JSON included).
    @discardableResult
    public static func send(on connection: PostgresConnection, queue: String, json: String, dedupeKey: String? = nil,
                            priority: Int = 0, delay: Double = 0, maxAttempts: Int = 10) throws -> Int64? {
        let rows = try connection.query(SQL.send, [queue, json, priority, delay, dedupeKey, maxAttempts])
        try connection.afterCommit(key: "notify:" + queue, SQL.notify, [channel(for: queue)])
        return try rows.first?.decode("id", as: Int64.self)
    }

    /// `send` without waiting for an answer: inside a transaction the message travels with the
    /// transaction's next statement or its COMMIT (`PostgresConnection.write`), and the wake-up after it.
    /// - Throws: `PostgresError` (outside a transaction; inside, the transaction's COMMIT fails).
    /// - Parameter condition: a SQL boolean over `$7`, `$8`, … (`conditionParameters`): the message is
    ///   written only when it holds as the statement runs (a fixed text, so it is prepared once).
    public static func post(on connection: PostgresConnection, queue: String, json: String, dedupeKey: String? = nil,
                            priority: Int = 0, delay: Double = 0, maxAttempts: Int = 10,
                            onlyIf condition: String? = nil, _ conditionParameters: [any PostgresEncodable] = []) throws {
        let parameters: [any PostgresEncodable] = [queue, json, priority, delay, dedupeKey, maxAttempts]
        if let condition {
            try connection.write(SQL.sendIf(condition), parameters + conditionParameters)
        } else {
            try connection.write(SQL.send, parameters)
        }
        try connection.afterCommit(key: "notify:" + queue, SQL.notify, [channel(for: queue)])
    }

    /// Wakes the consumers of `queue`. Only a hint: they poll anyway.
    public static func notify(queue: String, on connection: PostgresConnection) throws {
        try connection.query(SQL.notify, [channel(for: queue)])
    }

    /// Takes up to `limit` available messages and leases them to `consumer` for `leaseSeconds`:
    /// until then no other consumer receives them; if the consumer dies, they return by themselves.
    /// - Throws: `PostgresError`.
    public static func receive(on connection: PostgresConnection, queue: String, limit: Int, leaseSeconds: Double,
                               consumer: String) throws -> [QueueMessage] {
        try lease(on: connection, queue: queue, limit: limit, leaseSeconds: leaseSeconds, consumer: consumer).messages
    }

    /// What one lease took, and how long its consumer may sleep.
    public struct Lease: Sendable {
        public let messages: [QueueMessage]
        /// Seconds until the earliest message of the queue not available now becomes available (its
        /// delay or retry backoff ends, or a lease runs out, this one's included), or nil when the
        /// queue holds none: no NOTIFY announces such a moment.
        public let secondsUntilNextAvailable: Double?
    }

    /// `receive`, and when the queue's next message is due, in one round trip. The lease need not
    /// survive a crash (the messages just return sooner), so its commit does not wait for the disk.
    /// - Throws: `PostgresError`.
    public static func lease(on connection: PostgresConnection, queue: String, limit: Int, leaseSeconds: Double,
                             consumer: String) throws -> Lease {
        let results = try connection.pipeline { batch in
            batch.query(SQL.fastCommit)
            batch.query(SQL.receive, [queue, limit, leaseSeconds, consumer])
            batch.query(SQL.nextAvailable, [queue])
            batch.query(SQL.durableCommit)
        }
        return Lease(messages: try results[1].map(QueueMessage.init),
                     secondsUntilNextAvailable: try results[2].first?.decode("wait", as: Double?.self))
    }

    /// Pushes a lease's end further out, for a handler that needs longer. Call it outside the
    /// transaction that acknowledges the message.
    /// - Returns: false when the lease is no longer this delivery's (it expired and was taken again).
    public static func extendLease(_ message: QueueMessage, bySeconds seconds: Double, on connection: PostgresConnection) throws -> Bool {
        try connection.query(SQL.extend, [message.id, message.leaseID, seconds]).affectedRows == 1
    }

    /// Pending messages per queue, for `hubctl queues` and `/metrics`.
    public static func depths(on connection: PostgresConnection) throws -> [QueueDepth] {
        try connection.query(SQL.depths).map { row in
            QueueDepth(queue: try row.decode("queue"), ready: try row.decode("ready"), delayed: try row.decode("delayed"),
                       inFlight: try row.decode("in_flight"), retrying: try row.decode("retrying"),
                       oldestAgeSeconds: try row.decode("oldest_age"), deadLetters: try row.decode("dead"))
        }
    }

    /// Exponential backoff with jitter, capped: about 1 s, 2 s, 4 s … up to 5 minutes.
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
        static func sendIf(_ condition: String) -> String {
            """
            insert into queue_messages (queue, payload, priority, available_at, dedupe_key, max_attempts)
            select $1, $2::jsonb, $3, now() + make_interval(secs => $4::float8), $5, $6 where \(condition)
            on conflict (queue, dedupe_key) where dedupe_key is not null do nothing
            """
        }
        static let notify = "select pg_notify($1, '')"
        /// Exactly the order of the `queue_messages_ready` index; a lease moves available_at forward.
        static let receive = """
            with next as (
                select id from queue_messages
                 where queue = $1 and available_at <= now()
                 order by priority desc, available_at, id
                 limit $2
                   for update skip locked
            )
            update queue_messages m
               set available_at = now() + make_interval(secs => $3::float8),
                   attempts = m.attempts + 1, lease_id = gen_random_uuid(), leased_by = $4, leased_at = now()
              from next
             where m.id = next.id
            returning m.id, m.queue, m.payload::text as payload, m.attempts, m.max_attempts, m.created_at, m.lease_id::text as lease_id
            """
        /// The earliest moment of each priority's first row in `queue_messages_ready`, one index probe
        /// per priority (a loose index scan over the few priorities in use): a plain min(available_at)
        /// read every entry of the queue, dead ones too, at each lease, so a deep backlog drained
        /// slower the deeper it was.
        static let nextAvailable = """
            with recursive priorities(priority) as (
                select max(priority) from queue_messages where queue = $1
                union all
                select (select max(m.priority) from queue_messages m where m.queue = $1 and m.priority < p.priority)
                  from priorities p where p.priority is not null
            )
            select extract(epoch from min(first.available_at) - now())::float8 as wait
              from priorities p
             cross join lateral (select m.available_at from queue_messages m
                                  where m.queue = $1 and m.priority = p.priority
                                  order by m.available_at limit 1) as first
            """
        /// Locks the leased rows still held by these deliveries; rows re-leased by someone else are absent.
        static let lock = """
            select m.id from queue_messages m
              join unnest($1::bigint[], $2::uuid[]) as held(id, lease_id) on held.id = m.id and held.lease_id = m.lease_id
               for update of m
            """
        /// The lease's commit does not wait for the disk (`lease`).
        static let fastCommit = "set synchronous_commit to off"
        static let durableCommit = "reset synchronous_commit"
        static let acknowledge = "delete from queue_messages where id = any($1::bigint[])"
        static let extend = """
            update queue_messages set available_at = now() + make_interval(secs => $3::float8)
             where id = $1 and lease_id = $2::uuid
            """
        static let release = """
            update queue_messages
               set available_at = now() + make_interval(secs => $2::float8), last_error = $3, lease_id = null
             where id = $1
            """
        static let bury = """
            with gone as (delete from queue_messages where id = $1 returning *)
            insert into queue_dead_letters (id, queue, payload, priority, attempts, dedupe_key, last_error, created_at, leased_by)
            select id, queue, payload, priority, attempts, dedupe_key, coalesce($2, last_error), created_at, leased_by from gone
            """
        static let depths = """
            with queues as (select distinct queue from queue_messages union select distinct queue from queue_dead_letters)
            select q.queue,
                   count(m.id) filter (where m.available_at <= now())::int as ready,
                   count(m.id) filter (where m.available_at > now() and m.lease_id is null)::int as delayed,
                   count(m.id) filter (where m.available_at > now() and m.lease_id is not null)::int as in_flight,
                   count(m.id) filter (where m.attempts > 0 and m.lease_id is null)::int as retrying,
                   coalesce(extract(epoch from now() - min(m.created_at)), 0)::float8 as oldest_age,
                   (select count(*) from queue_dead_letters d where d.queue = q.queue)::int as dead
              from queues q left join queue_messages m on m.queue = q.queue
             group by q.queue
             order by q.queue
            """
    }
}

/// How much work waits on one queue.
public struct QueueDepth: Sendable {
    public let queue: String
    /// Available now.
    public let ready: Int
    /// Waiting for their delay or backoff.
    public let delayed: Int
    /// Leased to a consumer right now.
    public let inFlight: Int
    /// Failed at least once and waiting to be tried again.
    public let retrying: Int
    public let oldestAgeSeconds: Double
    public let deadLetters: Int
}
