import Foundation

/// Everything that can be done to a case. The lifecycle decides whether it is allowed.
public enum CaseAction: Sendable, Equatable {
    /// The owning module took the case into its queue (system only).
    case dispatch
    case verify
    case claim
    /// Hands the case to a colleague of the same module (the account's id).
    case assign(to: Int64)
    /// Hands the case down to a sub-unit (UPT, bidang) of its agency, by the sub-unit's code.
    case dispose(to: String)
    case addNote(text: String, isPublic: Bool)
    /// Sets (or, with nil, removes) module fields; already checked against the module's profile.
    case updateDetails([String: String?])
    case resolve(note: String)
    case requestValidation(note: String)
    case validate
    case rejectFollowUp(reason: String)
    case reject(reason: String)
    case postpone(reason: String)
    case markDuplicate(of: String)
    /// Intake found an open report of the same problem and links the new one to it (system only).
    case linkAsDuplicate(of: String)
    case close
    /// The citizen is not satisfied with a resolution: a low rating (1 or 2) and why.
    case reopen(reason: String, rating: Int)
    /// The citizen confirms a resolution, rating it from 1 to 5, maybe with a comment; the case closes.
    case accept(rating: Int, comment: String?)
    case escalate(Escalation)
    /// Hands the case to another agency (by its code) that is to answer for it; the reason stays internal.
    case forward(to: String, reason: String)
    /// The receiving agency takes a forwarded case into its queue.
    case acceptForward
    /// The receiving agency (or the hub, once its time to answer ran out) sends a forwarded case back, saying why.
    case returnForward(reason: String)
    /// An inspector opens the investigation of a case of the inspectorate.
    case investigate
    /// An inspector records what the investigation found (internal).
    case recordFindings(note: String)
    /// An inspector decides the case and closes it with a public outcome note that names no official.
    case decide(outcome: InspectionOutcome, publicNote: String)
    /// Staff ask the reporter a question (public); the case waits for the answer, its deadline paused.
    case ask(question: String)
    /// The reporter answers (the text stays internal); a case waiting for them resumes.
    case reply(text: String)
    /// The reporter's time to answer ran out: the officer is told, once (system only).
    case remindUnanswered

    /// The note, reason or comment the action carries, if any.
    public var text: String? {
        switch self {
        case .addNote(let text, _): return text
        case .resolve(let text), .requestValidation(let text), .rejectFollowUp(let text), .reject(let text), .postpone(let text):
            return text
        case .reopen(let reason, _): return reason
        case .accept(_, let comment): return comment
        case .forward(_, let text), .returnForward(let text), .recordFindings(let text), .decide(_, let text): return text
        case .ask(let text), .reply(let text): return text
        default: return nil
        }
    }

    /// The stable name used in events, audit records and URLs.
    public var name: Name {
        switch self {
        case .dispatch: return .dispatch
        case .verify: return .verify
        case .claim: return .claim
        case .assign: return .assign
        case .dispose: return .dispose
        case .addNote: return .addNote
        case .updateDetails: return .updateDetails
        case .resolve: return .resolve
        case .requestValidation: return .requestValidation
        case .validate: return .validate
        case .rejectFollowUp: return .rejectFollowUp
        case .reject: return .reject
        case .postpone: return .postpone
        case .markDuplicate: return .markDuplicate
        case .linkAsDuplicate: return .linkAsDuplicate
        case .close: return .close
        case .reopen: return .reopen
        case .accept: return .accept
        case .escalate: return .escalate
        case .forward: return .forward
        case .acceptForward: return .acceptForward
        case .returnForward: return .returnForward
        case .investigate: return .investigate
        case .recordFindings: return .recordFindings
        case .decide: return .decide
        case .ask: return .ask
        case .reply: return .reply
        case .remindUnanswered: return .remindUnanswered
        }
    }

    /// The stable names of the actions (the raw values: audit records, refusals, URLs).
    public enum Name: String, CaseIterable, Sendable, Codable {
        case dispatch
        case verify
        case claim
        case assign
        case dispose
        case addNote = "note"
        case updateDetails = "details"
        case resolve
        case requestValidation = "request_validation"
        case validate
        case rejectFollowUp = "reject_follow_up"
        case reject
        case postpone
        case markDuplicate = "mark_duplicate"
        case linkAsDuplicate = "link_duplicate"
        case close
        case reopen
        case accept
        case escalate
        case forward
        case acceptForward = "accept_forward"
        case returnForward = "return_forward"
        case investigate
        case recordFindings = "findings"
        case decide
        case ask
        case reply
        case remindUnanswered = "remind_unanswered"
    }
}

/// What an inspector (or the overdue sweeper) does to a stuck or suspect case.
public enum Escalation: Sendable, Equatable {
    case raisePriority(Priority)
    case setDeadline(Date)
    case moveToCategory(String)
    case handToInspectorate
    /// The deadline passed: step 1 hands the case to the module's supervisor, step 2 to the inspectors.
    case overdue(step: Int)

    /// The escalation's stable name (an `escalated` event's `details.escalation`).
    public var name: Name {
        switch self {
        case .raisePriority: return .raisePriority
        case .setDeadline: return .setDeadline
        case .moveToCategory: return .moveToCategory
        case .handToInspectorate: return .handToInspectorate
        case .overdue: return .overdue
        }
    }

    /// The stable names of the escalations (the raw values, as stored in an event's details).
    public enum Name: String, CaseIterable, Sendable, Codable {
        case raisePriority = "raise_priority"
        case setDeadline = "set_deadline"
        case moveToCategory = "move_category"
        case handToInspectorate = "inspectorate"
        case overdue
    }
}
