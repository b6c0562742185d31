import Complaints

/// Conditions over `complaints.status`, generated from the domain's rules (`ComplaintStatus.isOpen`,
/// `escalatesWhenOverdue`) so the SQL and the Swift cannot disagree. Each is a `not in` list, the form of
/// the partial indexes over the table (complaints_open_by_category, complaints_overdue), so the
/// planner can use them.
extension ComplaintStatus {
    /// The case is open: `status not in ('closed', 'rejected', 'duplicate')`.
    static let openCondition = notIn(allCases.filter { !$0.isOpen })

    /// The case's deadline escalates it once passed.
    static let escalatesWhenOverdueCondition = notIn(allCases.filter { !$0.escalatesWhenOverdue })

    private static func notIn(_ statuses: [ComplaintStatus]) -> String {
        "status not in (" + statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
    }
}
