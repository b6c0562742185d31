import Foundation
import Postgres

/// Fixed-window counters in PostgreSQL (`rate_limit_windows`, migration 027), so every replica of
/// every service counts the same requests: one row per limited key, its window replaced when it has
/// passed, all of a request's keys counted in one statement. A key is stored as its scope and a
/// SHA-256 of it, never an address or a contact in clear.
public struct SharedRateLimit: Sendable, Equatable {
    /// What the key names (`codes-address`), part of the stored key.
    public let scope: String
    /// Requests allowed per window.
    public let limit: Int
    public let window: TimeInterval

    public init(scope: String, limit: Int, window: TimeInterval) {
        self.scope = scope
        self.limit = limit
        self.window = window
    }

    /// Counts one request against each `(limit, key)` pair.
    /// - Returns: the seconds until every key is under its limit again, or nil when none is over it.
    public static func hit(_ pairs: [(SharedRateLimit, String)], on connection: PostgresConnection) throws -> Int? {
        guard !pairs.isEmpty else { return nil }
        let rows = try connection.query(SQL.hit, [pairs.map(\.0.scope), pairs.map(\.1), pairs.map { String($0.0.limit) },
                                                  pairs.map { String(Int($0.0.window.rounded(.up))) }])
        var wait: Int?
        for row in rows where try row.decode("over", as: Bool.self) {
            wait = max(wait ?? 1, try row.decode("wait", as: Int?.self) ?? 1)
        }
        return wait
    }

    /// Forgets windows that passed a day ago or more (a periodic sweep keeps the table small).
    @discardableResult
    public static func forgetPast(on connection: PostgresConnection) throws -> Int {
        try connection.query(SQL.forget).affectedRows
    }

    enum SQL {
        static let hit = """
            with h as (
                select \(LimitedKey.sql) as key, s.hits::int as allowed,
                       s.secs::int as secs
                  from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as s (scope, key, hits, secs)
            ), counted as (
                insert into rate_limit_windows as w (key, window_seconds)
                select key, secs from h
                on conflict (key) do update set
                    hits = case when w.window_start <= now() - make_interval(secs => excluded.window_seconds) then 1
                                else w.hits + 1 end,
                    window_start = case when w.window_start <= now() - make_interval(secs => excluded.window_seconds) then now()
                                        else w.window_start end,
                    window_seconds = excluded.window_seconds
                returning w.key, w.hits, w.window_start, w.window_seconds
            )
            select c.hits > h.allowed as over,
                   ceil(extract(epoch from c.window_start + make_interval(secs => c.window_seconds) - now()))::int as wait
              from counted c join h using (key)
            """
        static let forget = "delete from rate_limit_windows where window_start < now() - interval '1 day'"
    }
}
