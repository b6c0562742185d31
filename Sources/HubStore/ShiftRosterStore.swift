import Complaints
import Foundation
import Postgres

/// A module's shifts (`shift_roster`): who is on duty when, so its queue is staffed round the clock.
public enum ShiftRosterStore {
    /// One person's shift.
    public struct Shift: Sendable, Equatable {
        public let login: String
        public let startsAt: Date
        public let endsAt: Date
        /// The shift has begun (and, being listed, not yet ended).
        public let onDuty: Bool
    }

    /// A shift that would overlap one the person already has.
    public struct Overlap: Error, Sendable {}

    /// The shifts of `module` that have not ended and begin within a week, in order of their start.
    public static func upcoming(in module: ModuleName, on connection: PostgresConnection) throws -> [Shift] {
        try connection.query(SQL.upcoming, [module.rawValue]).map { row in
            Shift(login: try row.decode("login"), startsAt: try row.decode("starts_at"), endsAt: try row.decode("ends_at"),
                  onDuty: try row.decode("on_duty"))
        }
    }

    /// Adds a shift for `account` in `module`. Shifts of one person never overlap; a lock per person
    /// keeps two planners from racing (an advisory one: a row lock on the account would need a right
    /// to change accounts). Call inside a transaction (the lock is held until it ends).
    /// - Throws: `Overlap` (nothing added), `PostgresError`.
    public static func add(_ account: Account, in module: ModuleName, from start: Date, to end: Date,
                           on connection: PostgresConnection) throws {
        try connection.query(SQL.lockPerson, [account.id])
        guard try connection.query(SQL.overlapping, [account.id, start, end]).isEmpty else { throw Overlap() }
        try connection.query(SQL.insert, [module.rawValue, account.id, start, end])
    }

    enum SQL {
        static let upcoming = """
            select a.login, r.starts_at, r.ends_at, r.starts_at <= now() as on_duty
              from shift_roster r join staff_accounts a on a.id = r.account_id
             where r.module_code = $1 and r.ends_at > now() and r.starts_at < now() + interval '7 days'
             order by r.starts_at, a.login
            """
        static let lockPerson = "select pg_advisory_xact_lock(hashtext('shift:' || $1::text))"
        static let overlapping = "select 1 from shift_roster where account_id = $1 and starts_at < $3 and ends_at > $2"
        static let insert = "insert into shift_roster (module_code, account_id, starts_at, ends_at) values ($1, $2, $3, $4)"
    }
}
