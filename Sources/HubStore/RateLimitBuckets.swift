import Foundation
import Postgres

/// Token buckets in PostgreSQL (`rate_limit_buckets`, migration 045), one per limited key, kept with
/// GCRA: a key's "theoretical arrival time" (`tat`) is when its bucket will be full again; a request
/// moves it one interval (60 / requests per minute) later and is admitted while it is at most
/// burst − 1 intervals ahead of now, which is exactly a token bucket of that rate and burst. Hits
/// counted elsewhere (a replica's own admissions) move it the same way without being decided.
/// Keys are stored as their scope and a SHA-256 of them, never in clear. `SharedBuckets` drives it.
public enum RateLimitBuckets {
    /// One key's part of an exchange.
    public struct Hit: Sendable, Equatable {
        /// What the key is limited for, with the limit's figures (`lookups/120/60`): part of the stored key.
        public var scope: String
        /// The client's key (its address), hashed before it is stored.
        public var key: String
        /// Seconds a request moves the key's arrival time: 60 / requests per minute.
        public var interval: Double
        /// Requests the bucket holds.
        public var burst: Int
        /// Requests already admitted elsewhere, to be counted without a decision.
        public var taken: Int
        /// Seconds since the first of them, so they count from when they happened, not from now.
        public var age: Double
        /// Whether to decide one more request now, after the taken ones.
        public var asks: Bool

        public init(scope: String, key: String, interval: Double, burst: Int, taken: Int = 0, age: Double = 0, asks: Bool = false) {
            self.scope = scope
            self.key = key
            self.interval = interval
            self.burst = burst
            self.taken = taken
            self.age = age
            self.asks = asks
        }
    }

    /// What the database holds for a key after an exchange.
    public struct Answer: Sendable, Equatable {
        public var scope: String
        public var key: String
        /// The request asked for was admitted (false when none was asked for).
        public var granted: Bool
        /// Seconds the key's arrival time is ahead of the database's now (negative: the bucket is full).
        public var ahead: Double
    }

    /// Counts `hits` and decides the requests they ask for, in one round trip and one transaction.
    /// Rows are claimed and locked in the order of their stored keys, so that replicas exchanging
    /// overlapping keys at once wait for each other instead of deadlocking.
    /// - Parameter hits: at most one per scope and key.
    /// - Returns: one answer per hit, in no particular order. Empty `hits` still reach the database
    ///   (a check that it answers).
    public static func exchange(_ hits: [Hit], on connection: PostgresConnection) throws -> [Answer] {
        let keys: [any PostgresEncodable] = [hits.map(\.scope), hits.map(\.key)]
        let all: [any PostgresEncodable] = keys + [hits.map { String($0.interval) }, hits.map { String($0.burst) },
                                                   hits.map { String($0.taken) }, hits.map { String(max(0, $0.age)) },
                                                   hits.map { $0.asks ? "t" : "f" }]
        let results = try connection.pipeline { batch in
            batch.query(SQL.claim, keys)
            batch.query(SQL.lock, keys)
            batch.query(SQL.count, all)
        }
        return try results[2].map { row in
            Answer(scope: try row.decode("scope"), key: try row.decode("given"), granted: try row.decode("granted"),
                   ahead: try row.decode("ahead"))
        }
    }

    /// Deletes the buckets that are full again (no row and a row whose time has passed mean the
    /// same), skipping rows an exchange holds, so the sweep never waits for one or deadlocks with it.
    /// - Returns: how many were deleted.
    @discardableResult
    public static func forgetFull(on connection: PostgresConnection) throws -> Int {
        try connection.query(SQL.forget).affectedRows
    }

    enum SQL {
        static let given = "unnest($1::text[], $2::text[]) as s (scope, key)"

        /// Rows for the keys not seen before, in key order; the count fills them in.
        static let claim = """
            insert into rate_limit_buckets (key, tat)
            select distinct \(LimitedKey.sql), '-infinity'::timestamptz from \(given) order by 1
            on conflict (key) do nothing
            """
        static let lock = """
            select key from rate_limit_buckets where key in (select \(LimitedKey.sql) from \(given)) order by key for update
            """
        /// Each key's arrival time moves by its taken hits, counted from when the first happened
        /// (`since`); then, when asked, by one more interval if that request starts no later than
        /// burst − 1 intervals ahead of now (a millisecond of slack against rounding).
        static let count = """
            with h as (
                select \(LimitedKey.sql) as key, s.scope, s.key as given, make_interval(secs => s.interval) as step,
                       s.taken, now() - make_interval(secs => s.age) as since, s.asks,
                       now() + make_interval(secs => s.interval * (s.burst - 1) + 0.001) as latest
                  from unnest($1::text[], $2::text[], $3::float8[], $4::int[], $5::int[], $6::float8[], $7::bool[])
                       as s (scope, key, interval, burst, taken, age, asks)
            )
            update rate_limit_buckets as b
               set granted = h.asks and greatest(greatest(b.tat, h.since) + h.step * h.taken, now()) <= h.latest,
                   tat = case when h.asks and greatest(greatest(b.tat, h.since) + h.step * h.taken, now()) <= h.latest
                              then greatest(greatest(b.tat, h.since) + h.step * h.taken, now()) + h.step
                              else greatest(b.tat, h.since) + h.step * h.taken end
              from h
             where b.key = h.key
            returning h.scope, h.given, b.granted, extract(epoch from b.tat - now())::float8 as ahead
            """
        static let forget = """
            delete from rate_limit_buckets
             where key in (select key from rate_limit_buckets where tat < now() for update skip locked)
            """
    }
}
