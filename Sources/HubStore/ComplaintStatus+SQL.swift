import Complaints

/// Conditions over `complaints.status`, generated from the domain's rules (`ComplaintStatus.isOpen`,
/// `escalatesWhenOverdue`, `closesWhenOverdue`, `returnsWhenOverdue`) so the SQL and the Swift cannot disagree. The first two are
/// `not in` lists, the form of the partial indexes over the table (complaints_open_by_category,
/// complaints_overdue), so the planner can use them.
extension ComplaintStatus {
    /// The case is open: `status not in ('closed', 'rejected', 'duplicate')`.
    static let openCondition = notIn(allCases.filter { !$0.isOpen })

    /// The case's deadline escalates it once passed.
    static let escalatesWhenOverdueCondition = notIn(allCases.filter { !$0.escalatesWhenOverdue })

    /// The case's deadline was the time for someone's answer, and the hub acts once it passed: a
    /// resolution the citizen did not answer closes, a forward the receiving agency did not answer
    /// goes back, a question the reporter did not answer tells the officer (once: the reminder clears
    /// the deadline): `status in ('resolved', 'forwarded', 'awaiting_reporter')`.
    static let unansweredCondition = "status in ("
        + list(allCases.filter { $0.closesWhenOverdue || $0.returnsWhenOverdue || $0.remindsWhenOverdue }) + ")"

    private static func notIn(_ statuses: [ComplaintStatus]) -> String { "status not in (" + list(statuses) + ")" }

    private static func list(_ statuses: [ComplaintStatus]) -> String {
        statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }
}
