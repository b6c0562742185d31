import Complaints
import Foundation
import Postgres

/// Deadlines that enforce themselves. Past its deadline an open case goes to the module's
/// supervisor (with a short deadline of their own), and if that passes too, to the inspectors; a
/// resolved case the citizen did not answer closes. Each step happens once, also with several
/// sweepers running: rows are taken with SKIP LOCKED and the step moves the case out of the set
/// it was found in, in the same transaction.
public enum OverdueSweeper {
    /// What one sweep did.
    public struct Outcome: Equatable, Sendable {
        public var escalated: Int
        public var closed: Int

        public init(escalated: Int = 0, closed: Int = 0) {
            self.escalated = escalated
            self.closed = closed
        }
    }

    /// Escalates up to `limit` overdue cases of `module` one step each and closes up to `limit`
    /// resolved cases whose time for the citizen's answer has run out.
    /// - Parameter now: the sweep's clock (tests pass their own).
    @discardableResult
    public static func sweep(module: ModuleName, now: Date = Date(), limit: Int = 100,
                             on connection: PostgresConnection) throws -> Outcome {
        try connection.transaction { connection in
            let calendar = try CategoryStore.calendar(connection)
            let overdue = try connection.query("""
                select \(Case.columns) from complaints
                 where module_code = $1 and overdue_step < 2 and due_at < $2::timestamptz
                   and \(ComplaintStatus.escalatesWhenOverdueCondition)
                 order by due_at
                 limit $3
                   for update skip locked
                """, [module.rawValue, now, limit]).map(Case.init)
            for stored in overdue {
                try CaseStore.perform(.escalate(.overdue(step: stored.overdueStep + 1)), on: stored, by: .system,
                                      now: now, calendar: calendar, connection: connection)
            }
            let unanswered = try connection.query("""
                select \(Case.columns) from complaints
                 where module_code = $1 and status = 'resolved' and due_at < $2::timestamptz
                 order by due_at
                 limit $3
                   for update skip locked
                """, [module.rawValue, now, limit]).map(Case.init)
            for stored in unanswered {
                try CaseStore.perform(.close, on: stored, by: .system, now: now, calendar: calendar, connection: connection)
            }
            return Outcome(escalated: overdue.count, closed: unanswered.count)
        }
    }
}
