import Complaints

/// Our ten statuses folded into Open311's two, with the finer one kept in `status_notes`.
enum Open311Status {
    /// Work is over for these (a resolved case may still be reopened by its reporter).
    static let closed: [ComplaintStatus] = [.resolved, .closed, .rejected, .duplicate]
    static let open: [ComplaintStatus] = ComplaintStatus.allCases.filter { !closed.contains($0) }

    static func code(_ status: ComplaintStatus) -> String { closed.contains(status) ? "closed" : "open" }

    /// `in_progress: Sedang ditindaklanjuti`.
    static func notes(_ status: ComplaintStatus) -> String { "\(status.rawValue): \(status.labelID)" }
}
