extension Lifecycle {
    /// The one or two actions the lifecycle expects next of the people who work a case in `status`,
    /// in the order the case page offers them as its primary buttons; every other action it allows
    /// stays available, folded away. Empty when the next step is nobody's at the desk (a case not yet
    /// dispatched, one waiting for the citizen's answer, one that is over). The inspectorate's cases
    /// follow the inspectors' road (investigate, record findings, decide).
    public static func expectedNext(for status: ComplaintStatus, inspectorate: Bool = false) -> [StaffAction] {
        if inspectorate {
            switch status {
            case .dispatched, .verified: return [.investigate]
            case .inProgress: return [.findings, .decide]
            case .received, .awaitingValidation, .awaitingReporter, .resolved, .closed, .rejected, .postponed, .duplicate, .forwarded: return []
            }
        }
        switch status {
        case .dispatched: return [.verify, .claim]
        case .verified, .postponed: return [.claim]
        case .inProgress: return [.resolve, .requestValidation]
        case .awaitingValidation: return [.validate, .rejectFollowUp]
        case .forwarded: return [.acceptForward, .returnForward]
        case .received, .awaitingReporter, .resolved, .closed, .rejected, .duplicate: return []
        }
    }
}

extension StaffAction {
    /// Whether the case page asks the reader to confirm the action before it is taken: it ends the
    /// case, and a slip of the mouse cannot be taken back.
    public var needsConfirmation: Bool { self == .reject || self == .close }
}
