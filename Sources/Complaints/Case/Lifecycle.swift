/// The complaint lifecycle as pure functions. Given where a case stands, what is asked and who asks,
/// `apply(_:to:by:)` answers the road: the new status and the timeline event, or why the request is
/// refused. Given the whole case and what the store loaded for it, `apply(_:to:by:at:context:)`
/// (Lifecycle+Case.swift) answers everything that follows: a complete `CaseChange`.
/// Handlers load, apply this, and store; they never decide transitions themselves.
public enum Lifecycle {
    /// The longest note or reason an event carries (as the schema allows).
    public static let maxNoteLength = 4000

    /// - Returns: the transition, or the refusal to report (from the table in CaseRefusals.swift).
    public static func apply(_ action: CaseAction, to status: ComplaintStatus, by actor: Actor) -> Result<Transition, Refusal> {
        guard permits(actor, action) else { return .failure(.roleNotAllowed(action: action.name.rawValue)) }
        if let text = action.text, text.count > maxNoteLength { return .failure(.noteTooLong) }
        switch action {
        case .addNote(let text, let isPublic):
            guard !text.isBlank else { return .failure(.noteRequired) }
            guard !status.isTerminal else { return .failure(.notAllowedInStatus(action: action.name.rawValue, status: status)) }
            return .success(Transition(to: status, kind: .note, isPublic: isPublic, note: text))
        case .resolve(let note), .requestValidation(let note):
            guard !note.isBlank else { return .failure(.noteRequired) }
        case .rejectFollowUp(let reason), .reject(let reason), .postpone(let reason), .forward(_, let reason), .returnForward(let reason):
            guard !reason.isBlank else { return .failure(.reasonRequired) }
        case .recordFindings(let note), .decide(_, let note):
            guard !note.isBlank else { return .failure(.noteRequired) }
        case .ask(let question):
            guard !question.isBlank else { return .failure(.questionRequired) }
        case .reply(let text):
            guard !text.isBlank else { return .failure(.replyRequired) }
            // The reporter may add to an open case at any time; a case waiting for them resumes (Lifecycle+Answering.swift).
            guard !status.isTerminal else { return .failure(.notAllowedInStatus(action: action.name.rawValue, status: status)) }
            return .success(Transition(to: status, kind: .reporterReplied, isPublic: false, note: text))
        case .reopen(let reason, let rating):
            guard CitizenRating.reopening.contains(rating) else { return .failure(.lowRatingRequired) }
            guard !reason.isBlank else { return .failure(.answerReasonRequired) }
        case .accept(let rating, _):
            guard CitizenRating.scale.contains(rating) else { return .failure(.ratingOutOfScale) }
        case .updateDetails(let change):
            guard !status.isTerminal, status != .received else {
                return .failure(.notAllowedInStatus(action: action.name.rawValue, status: status))
            }
            return .success(Transition(to: status, kind: .detailsUpdated, isPublic: false, fields: change))
        case .escalate(let escalation):
            guard !status.isTerminal else { return .failure(.notAllowedInStatus(action: action.name.rawValue, status: status)) }
            return .success(transition(escalating: escalation, from: status))
        default:
            break
        }
        guard let target = target(of: action, from: status) else {
            return .failure(.notAllowedInStatus(action: action.name.rawValue, status: status))
        }
        return .success(transition(action, to: target))
    }

    /// The status an action leads to from `status`, or nil when the lifecycle has no such road.
    static func target(of action: CaseAction, from status: ComplaintStatus) -> ComplaintStatus? {
        switch (action, status) {
        case (.dispatch, .received): return .dispatched
        case (.verify, .dispatched): return .verified
        case (.claim, .dispatched), (.claim, .verified), (.claim, .postponed): return .inProgress
        case (.assign, .dispatched), (.assign, .verified), (.assign, .inProgress), (.assign, .postponed),
             (.assign, .awaitingValidation): return status
        case (.dispose, .dispatched), (.dispose, .verified), (.dispose, .inProgress), (.dispose, .postponed): return status
        case (.resolve, .inProgress): return .resolved
        case (.requestValidation, .inProgress): return .awaitingValidation
        case (.validate, .awaitingValidation): return .resolved
        case (.rejectFollowUp, .awaitingValidation): return .inProgress
        case (.reject, .dispatched), (.reject, .verified): return .rejected
        case (.postpone, .verified), (.postpone, .inProgress): return .postponed
        case (.markDuplicate, .dispatched), (.markDuplicate, .verified): return .duplicate
        case (.linkAsDuplicate, .received): return .duplicate
        case (.close, .resolved): return .closed
        case (.reopen, .resolved): return .inProgress
        case (.accept, .resolved): return .closed
        case (.forward, .dispatched), (.forward, .verified), (.forward, .inProgress), (.forward, .postponed): return .forwarded
        // Accepted, the case is the receiving agency's to work; returned, the forwarding agency's again.
        case (.acceptForward, .forwarded), (.returnForward, .forwarded): return .verified
        case (.investigate, .dispatched), (.investigate, .verified): return .inProgress
        case (.recordFindings, .inProgress): return .inProgress
        case (.decide, .inProgress): return .closed
        // Answering: a question from a step the agency works; while waiting, the case may change hands,
        // and once the reporter's time ran out it may be closed as unclear (reject; Lifecycle+Answering.swift).
        case (.ask, _) where ReporterWait.askable.contains(status): return .awaitingReporter
        case (.remindUnanswered, .awaitingReporter), (.assign, .awaitingReporter), (.dispose, .awaitingReporter): return status
        case (.reject, .awaitingReporter): return .rejected
        default: return nil
        }
    }

    /// Which actors may ask for which action. Inspectors escalate and annotate; they do not do the agency's work.
    static func permits(_ actor: Actor, _ action: CaseAction) -> Bool {
        switch action {
        case .dispatch, .linkAsDuplicate: return actor == .system
        case .reopen, .accept: return actor == .citizen
        case .close: return actor == .system || [.staff, .supervisor, .admin].contains(actor.role)
        case .escalate(.overdue): return actor == .system
        case .escalate: return actor == .system || [.inspector, .admin].contains(actor.role)
        case .addNote: return actor.role != nil
        case .validate, .rejectFollowUp: return [.validator, .supervisor, .admin].contains(actor.role)
        case .verify: return actor == .system || [.staff, .supervisor, .admin].contains(actor.role)
        case .claim, .assign, .dispose, .updateDetails, .resolve, .requestValidation, .reject, .postpone, .markDuplicate:
            return [.staff, .supervisor, .admin].contains(actor.role)
        case .forward, .acceptForward: return [.staff, .supervisor, .admin].contains(actor.role)
        case .returnForward: return actor == .system || [.staff, .supervisor, .admin].contains(actor.role)
        // The inspectorate's cases are worked by inspectors alone (admins do not even see them).
        case .investigate, .recordFindings, .decide: return actor.role == .inspector
        case .ask: return [.staff, .supervisor, .admin].contains(actor.role)
        case .reply: return actor == .citizen
        case .remindUnanswered: return actor == .system
        }
    }

    private static func transition(_ action: CaseAction, to target: ComplaintStatus) -> Transition {
        switch action {
        case .dispatch: return Transition(to: target, kind: .dispatched, isPublic: true)
        case .verify: return Transition(to: target, kind: .verified, isPublic: true)
        case .claim: return Transition(to: target, kind: .claimed, isPublic: true, assignsActor: true)
        case .assign(let account): return Transition(to: target, kind: .assigned, isPublic: false, assignee: account)
        case .dispose(let subUnit): return Transition(to: target, kind: .disposed, isPublic: true, subUnit: subUnit)
        case .resolve(let note): return Transition(to: target, kind: .resolved, isPublic: true, note: note)
        case .requestValidation(let note):
            return Transition(to: target, kind: .validationRequested, isPublic: true, note: note)
        case .validate: return Transition(to: target, kind: .validated, isPublic: true)
        case .rejectFollowUp(let reason):
            return Transition(to: target, kind: .followUpRejected, isPublic: false, note: reason)
        case .reject(let reason): return Transition(to: target, kind: .rejected, isPublic: true, note: reason)
        case .postpone(let reason): return Transition(to: target, kind: .postponed, isPublic: true, note: reason)
        case .markDuplicate(let of):
            return Transition(to: target, kind: .markedDuplicate, isPublic: true, duplicateOf: of)
        case .linkAsDuplicate(let of):
            return Transition(to: target, kind: .linkedDuplicate, isPublic: true, duplicateOf: of)
        case .close: return Transition(to: target, kind: .closed, isPublic: true)
        case .reopen(let reason, let rating):
            return Transition(to: target, kind: .reopened, isPublic: true, note: reason, rating: rating)
        case .accept(let rating, let comment):
            return Transition(to: target, kind: .accepted, isPublic: true, note: comment.flatMap { $0.isBlank ? nil : $0 },
                              rating: rating)
        // The agencies' names are the events' notes (Lifecycle+CrossAgency.swift); reasons stay internal.
        case .forward: return Transition(to: target, kind: .forwarded, isPublic: true)
        case .acceptForward: return Transition(to: target, kind: .forwardAccepted, isPublic: true)
        case .returnForward: return Transition(to: target, kind: .forwardReturned, isPublic: true)
        case .investigate: return Transition(to: target, kind: .investigationOpened, isPublic: true, assignsActor: true)
        case .recordFindings(let note): return Transition(to: target, kind: .findingsRecorded, isPublic: false, note: note)
        case .decide(let outcome, let note):
            return Transition(to: target, kind: .decided, isPublic: true, note: "\(outcome.labelID): \(note)", outcome: outcome)
        case .ask(let question): return Transition(to: target, kind: .questionAsked, isPublic: true, note: question)
        case .remindUnanswered: return Transition(to: target, kind: .reporterUnanswered, isPublic: false, note: ReporterWait.unansweredNote)
        case .addNote, .updateDetails, .escalate, .reply: fatalError("handled before a target is looked up")
        }
    }

    /// Escalations keep the status, except a move to another category, which restarts the case at
    /// the new owner: it is received again and that module dispatches it.
    private static func transition(escalating escalation: Escalation, from status: ComplaintStatus) -> Transition {
        switch escalation {
        case .moveToCategory(let category):
            return Transition(to: .received, kind: .escalated, isPublic: true, escalation: escalation, movedTo: category)
        case .raisePriority, .setDeadline, .handToInspectorate, .overdue:
            return Transition(to: status, kind: .escalated, isPublic: true, escalation: escalation)
        }
    }
}

/// What the lifecycle decided: the status after the action and the event to append.
public struct Transition: Sendable, Equatable {
    public let to: ComplaintStatus
    /// The timeline event's kind.
    public let kind: EventKind
    public let isPublic: Bool
    public let note: String?
    /// True when the acting account becomes the case's assignee.
    public let assignsActor: Bool
    public let escalation: Escalation?
    public let movedTo: String?
    public let duplicateOf: String?
    /// The citizen's rating of a resolution (1 to 5), on `accepted` and `reopened` events.
    public let rating: Int?
    /// The colleague a case is handed to.
    public let assignee: Int64?
    /// Module fields set (or removed, with nil).
    public let fields: [String: String?]?
    /// The sub-unit a case is disposed to.
    public let subUnit: String?
    /// The inspectorate's decision.
    public let outcome: InspectionOutcome?

    /// Whether the step may carry photos: after-photos (evidence of the work done), or the reporter's with a reply.
    public var acceptsAfterPhotos: Bool { kind == .resolved || kind == .validationRequested || kind == .reporterReplied }

    init(to: ComplaintStatus, kind: EventKind, isPublic: Bool, note: String? = nil, assignsActor: Bool = false,
         escalation: Escalation? = nil, movedTo: String? = nil, duplicateOf: String? = nil, rating: Int? = nil,
         assignee: Int64? = nil, fields: [String: String?]? = nil, subUnit: String? = nil, outcome: InspectionOutcome? = nil) {
        self.to = to
        self.kind = kind
        self.isPublic = isPublic
        self.note = note
        self.assignsActor = assignsActor
        self.escalation = escalation
        self.movedTo = movedTo
        self.duplicateOf = duplicateOf
        self.rating = rating
        self.assignee = assignee
        self.fields = fields
        self.subUnit = subUnit
        self.outcome = outcome
    }
}
