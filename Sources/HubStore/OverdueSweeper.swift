import Complaints
import Foundation
import Postgres

/// Escalates overdue cases by themselves: past its deadline a case goes to the module's supervisor
/// (with a short deadline of their own), and if that passes too, to the inspectors. Each step
/// happens once, also with several sweepers running: rows are taken with SKIP LOCKED and the step
/// moves the case out of the overdue set in the same transaction.
public enum OverdueSweeper {
    /// Escalates up to `limit` overdue cases of `module` one step each.
    /// - Parameter now: the sweep's clock (tests pass their own).
    /// - Returns: how many cases were escalated.
    @discardableResult
    public static func sweep(module: ModuleName, now: Date = Date(), limit: Int = 100,
                             on connection: PostgresConnection) throws -> Int {
        try connection.transaction { connection in
            let calendar = try CategoryStore.calendar(connection)
            let overdue = try connection.query("""
                select \(StoredCase.columns) from complaints
                 where module_code = $1 and overdue_step < 2 and due_at < $2::timestamptz
                   and status not in ('received', 'closed', 'rejected', 'duplicate', 'postponed')
                 order by due_at
                 limit $3
                   for update skip locked
                """, [module.rawValue, now, limit]).map(StoredCase.init)
            for stored in overdue {
                try CaseStore.perform(.escalate(.overdue(step: stored.overdueStep + 1)), on: stored, by: .system,
                                      now: now, calendar: calendar, connection: connection)
            }
            return overdue.count
        }
    }
}
