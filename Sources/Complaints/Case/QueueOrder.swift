/// The orders a work queue can be read in (`sort`); every order ends with the case's id, so that
/// cases made in one moment keep one order and pages neither overlap nor skip.
public enum QueueOrder: String, CaseIterable, Sendable {
    /// Soonest deadline first (cases without one last), then the most urgent, then the oldest. The default.
    case deadline
    /// Oldest first: the case that has waited longest.
    case age
    /// Most urgent first, then soonest deadline, then the oldest.
    case priority

    public static let `default` = QueueOrder.deadline
}

/// Which cases a queue lists by who holds them (`assignee`).
public enum QueueAssignee: Sendable, Equatable {
    /// The cases held by this account (`assignee=me`).
    case account(Int64)
    /// The cases nobody holds yet (`assignee=none`).
    case nobody
}
