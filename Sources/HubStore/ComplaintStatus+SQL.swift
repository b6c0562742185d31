import Complaints

/// Conditions over `complaints.status`, generated from the domain's rules (`ComplaintStatus.isOpen`,
/// `escalatesWhenOverdue`, `closesWhenOverdue`) so the SQL and the Swift cannot disagree. The first two are
/// `not in` lists, the form of the partial indexes over the table (complaints_open_by_category,
/// complaints_overdue), so the planner can use them.
extension ComplaintStatus {
    /// The case is open: `status not in ('closed', 'rejected', 'duplicate')`.
    static let openCondition = notIn(allCases.filter { !$0.isOpen })

    /// The case's deadline escalates it once passed.
    static let escalatesWhenOverdueCondition = notIn(allCases.filter { !$0.escalatesWhenOverdue })

    /// The case closes by itself once its deadline passed: `status in ('resolved')`.
    static let closesWhenOverdueCondition = "status in (" + list(allCases.filter(\.closesWhenOverdue)) + ")"

    private static func notIn(_ statuses: [ComplaintStatus]) -> String { "status not in (" + list(statuses) + ")" }

    private static func list(_ statuses: [ComplaintStatus]) -> String {
        statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }
}
