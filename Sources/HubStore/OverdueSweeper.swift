import Complaints
import Foundation
import Postgres

/// Runs the deadlines that enforce themselves (`DeadlineSweep` decides what each case gets). Each step
/// happens once, also with several sweepers running: candidates are taken with SKIP LOCKED and the
/// step moves the case out of the set it was found in, in the same transaction.
public enum OverdueSweeper {
    /// What one sweep did.
    public struct Outcome: Equatable, Sendable {
        public var escalated: Int
        public var closed: Int
        /// Forwarded cases sent back to the agency that forwarded them.
        public var returned: Int
        /// Cases whose reporter did not answer the officer's question in time (the officer is told).
        public var reminded: Int

        public init(escalated: Int = 0, closed: Int = 0, returned: Int = 0, reminded: Int = 0) {
            self.escalated = escalated
            self.closed = closed
            self.returned = returned
            self.reminded = reminded
        }
    }

    /// Escalates up to `limit` overdue cases of `module` one step each and closes up to `limit`
    /// resolved cases whose time for the citizen's answer has run out, and returns up to `limit`
    /// forwarded cases the receiving agency (of this module) did not answer in time.
    /// - Parameter now: the sweep's clock (tests pass their own).
    @discardableResult
    public static func sweep(module: ModuleName, now: Date = Date(), limit: Int = 100,
                             on connection: PostgresConnection) throws -> Outcome {
        try connection.transaction { connection in
            let calendar = try CategoryStore.calendar(connection)
            var outcome = Outcome()
            for query in [SQL.overdueCandidates, SQL.unansweredCandidates] {
                for stored in try connection.query(query, [module.rawValue, now, limit]).map(Case.init) {
                    guard let action = DeadlineSweep.action(for: stored, at: now) else { continue }
                    try CaseStore.perform(action, on: stored, by: .system, now: now, calendar: calendar, connection: connection)
                    switch action {
                    case .close: outcome.closed += 1
                    case .returnForward: outcome.returned += 1
                    case .remindUnanswered: outcome.reminded += 1
                    default: outcome.escalated += 1
                    }
                }
            }
            return outcome
        }
    }

    enum SQL {
        /// Open cases past their deadline with an overdue step still to take (the complaints_overdue index).
        static let overdueCandidates = """
            select \(Case.columns) from complaints
             where module_code = $1 and overdue_step < \(DeadlineSweep.lastOverdueStep) and due_at < $2::timestamptz
               and \(ComplaintStatus.escalatesWhenOverdueCondition)
             order by due_at
             limit $3
               for update skip locked
            """
        /// Cases whose deadline was the time for an answer: resolved ones the citizen did not answer
        /// (they close), forwarded ones the receiving agency did not answer (they go back).
        static let unansweredCandidates = """
            select \(Case.columns) from complaints
             where module_code = $1 and due_at < $2::timestamptz
               and \(ComplaintStatus.unansweredCondition)
             order by due_at
             limit $3
               for update skip locked
            """
    }
}
