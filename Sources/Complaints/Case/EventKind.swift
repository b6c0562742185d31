/// What a timeline event records, by the stable name the timeline's `kind` shows (DESIGN.md, the
/// public view's JSON, the pages' `data-kind`). The lifecycle writes only the named kinds; a kind read
/// back that this build does not know (written by a newer one) stays readable as `unrecognised`, so a
/// page or an answer shows it as stored instead of failing.
public enum EventKind: Sendable, Hashable {
    case submitted, dispatched, verified, claimed, assigned, disposed, note, resolved, validated, rejected, postponed
    case closed, reopened, accepted, escalated
    case detailsUpdated, validationRequested, followUpRejected, markedDuplicate, linkedDuplicate
    case forwarded, forwardAccepted, forwardReturned, investigationOpened, findingsRecorded, decided
    /// A parent's status followed its parts' (a request that fans out).
    case partsProgressed
    /// Answering: the officer's question, the reporter's reply, the reporter's time to answer run out.
    case questionAsked, reporterReplied, reporterUnanswered
    /// A stored kind this build does not know, as stored.
    case unrecognised(String)

    /// Every kind the lifecycle writes.
    public static let known: [EventKind] = [
        .submitted, .dispatched, .verified, .claimed, .assigned, .disposed, .note, .resolved, .validated, .rejected, .postponed,
        .closed, .reopened, .accepted, .escalated,
        .detailsUpdated, .validationRequested, .followUpRejected, .markedDuplicate, .linkedDuplicate,
        .forwarded, .forwardAccepted, .forwardReturned, .investigationOpened, .findingsRecorded, .decided,
        .partsProgressed,
        .questionAsked, .reporterReplied, .reporterUnanswered,
    ]

    /// The kind a stored name stands for; an unknown name is `unrecognised`, never an error.
    public init(rawValue: String) {
        self = Self.known.first { $0.rawValue == rawValue } ?? .unrecognised(rawValue)
    }

    /// The stable name stored in `complaint_events.kind` and shown as the timeline's `kind`.
    public var rawValue: String {
        switch self {
        case .submitted: return "submitted"
        case .dispatched: return "dispatched"
        case .verified: return "verified"
        case .claimed: return "claimed"
        case .assigned: return "assigned"
        case .disposed: return "disposed"
        case .note: return "note"
        case .resolved: return "resolved"
        case .validated: return "validated"
        case .rejected: return "rejected"
        case .postponed: return "postponed"
        case .closed: return "closed"
        case .reopened: return "reopened"
        case .accepted: return "accepted"
        case .escalated: return "escalated"
        case .detailsUpdated: return "details_updated"
        case .validationRequested: return "validation_requested"
        case .followUpRejected: return "follow_up_rejected"
        case .markedDuplicate: return "marked_duplicate"
        case .linkedDuplicate: return "linked_duplicate"
        case .forwarded: return "forwarded"
        case .forwardAccepted: return "forward_accepted"
        case .forwardReturned: return "forward_returned"
        case .investigationOpened: return "investigation_opened"
        case .findingsRecorded: return "findings_recorded"
        case .decided: return "decided"
        case .partsProgressed: return "parts_progressed"
        case .questionAsked: return "question_asked"
        case .reporterReplied: return "reporter_replied"
        case .reporterUnanswered: return "reporter_unanswered"
        case .unrecognised(let name): return name
        }
    }
}
