import Complaints
import Foundation
import Postgres

/// Deletes reporters' contacts a set time after their case ended (closed; or rejected or merged into
/// another, by its last change), anonymous or not. Safe with several sweepers: a delete is idempotent.
public enum ContactRetention {
    /// Deletes up to `limit` contacts of cases that ended more than `days` days before `now`.
    /// - Returns: how many contacts were deleted.
    @discardableResult
    public static func sweep(keepingDays days: Int, now: Date = Date(), limit: Int = 1000,
                             on connection: PostgresConnection) throws -> Int {
        try connection.query(SQL.forget, [now, days, limit]).affectedRows
            + connection.query(SQL.forgetFollowers, [now, days, limit]).affectedRows
    }

    enum SQL {
        /// The ended cases through the partial index complaints_ended (migration 020).
        static let forget = """
            delete from complaint_reporters
             where complaint_id in (
                   select c.id from complaints c join complaint_reporters r on r.complaint_id = c.id
                    where c.status in ('closed', 'rejected', 'duplicate')
                      and coalesce(c.closed_at, c.updated_at) < $1::timestamptz - make_interval(days => $2::int)
                    limit $3)
            """
        /// Followers' addresses go by the same rule as reporters' contacts.
        static let forgetFollowers = """
            delete from complaint_followers
             where id in (
                   select f.id from complaints c join complaint_followers f on f.complaint_id = c.id
                    where c.status in ('closed', 'rejected', 'duplicate')
                      and coalesce(c.closed_at, c.updated_at) < $1::timestamptz - make_interval(days => $2::int)
                    limit $3)
            """
    }
}
