import Foundation

/// Who holds a letter's step today: the officials of the step's position in the step's region, and
/// the leaves that cover today (theirs, and the acting official's own).
public struct StepDesk: Sendable {
    public let holders: [Official]
    public let leaves: [Leave]
    public let today: Int

    public init(holders: [Official], leaves: [Leave], today: Int) {
        self.holders = holders
        self.leaves = leaves
        self.today = today
    }

    func onLeave(_ accountID: Int64) -> Leave? { leaves.first { $0.accountID == accountID && $0.covers(today) } }
}

/// How an official stands to a letter's step.
public enum Standing: Sendable, Equatable {
    /// They hold the step's position in its region.
    case holder
    /// They stand in for a holder who is on leave.
    case standIn(for: Official)
}

/// One step of a letter's history: what was done, from where to where, by which position (the
/// public sees the position, never the person), on whose behalf, and the deadline it runs to.
public struct LetterEvent: Sendable, Equatable {
    public let action: String
    public let from: LetterStep?
    public let to: LetterStep
    public let actorPosition: LetterPosition
    public let actorID: Int64
    /// The holder a stand-in acted for.
    public let onBehalfOf: Int64?
    public let note: String?
    public let at: Date
    public let dueAt: Date

    public init(action: String, from: LetterStep?, to: LetterStep, actorPosition: LetterPosition, actorID: Int64, onBehalfOf: Int64?,
                note: String?, at: Date, dueAt: Date) {
        self.action = action
        self.from = from
        self.to = to
        self.actorPosition = actorPosition
        self.actorID = actorID
        self.onBehalfOf = onBehalfOf
        self.note = note
        self.at = at
        self.dueAt = dueAt
    }
}

/// Everything that follows from an action on a letter: its new state, the event, the audit action,
/// the signature (for a sign) and, when the letter is finished, the region whose sequence numbers it.
public struct LetterTransition: Sendable, Equatable {
    public let letter: Letter
    public let event: LetterEvent
    /// The audit log's action: `letter.pass`, `letter.return`, `letter.sign`, `letter.reject`.
    public let auditAction: String
    public let signature: LetterSignature?
    /// Set when this action finishes the letter: its number comes from this region's sequence.
    public let numberedBy: RegionCode?
}

/// The letter chain as a pure decision: (letter, action, official, who holds the step today) → the
/// transition, or a `Refusal`. Handlers load, apply, store; they never decide a step themselves.
public enum LetterChain {
    /// How `official` stands to the letter's current step.
    /// - Throws: `Refusal.letterFinished` once the chain is over, `.onLeave` for an official on
    ///   leave today, `.notYourStep` for anyone else.
    public static func standing(of official: Official, on letter: Letter, desk: StepDesk) throws(Refusal) -> Standing {
        guard let position = letter.step.position, !letter.step.isFinal else { throw Refusal.letterFinished }
        if desk.onLeave(official.accountID) != nil { throw Refusal.onLeave }
        let region = letter.region(of: letter.step)
        if official.position == position && official.region == region { return .holder }
        for holder in desk.holders where holder.position == position && holder.region == region {
            if let leave = desk.onLeave(holder.accountID), leave.standInID == official.accountID { return .standIn(for: holder) }
        }
        throw Refusal.notYourStep
    }

    /// Applies an action.
    /// - Parameters:
    ///   - now: the moment of the action.
    ///   - calendar: the working calendar: the step the letter moves to is due the type's working
    ///     days after `now`, and the event records that deadline.
    /// - Throws: the refusals of `standing`, `.actionNotAllowed` for an action the step does not
    ///   take, `.letterReasonRequired` for a return or rejection without a reason.
    public static func apply(_ action: LetterAction, to letter: Letter, by official: Official, desk: StepDesk,
                             at now: Date, calendar: WorkingCalendar) throws(Refusal) -> LetterTransition {
        let standing = try standing(of: official, on: letter, desk: desk)
        guard letter.step.allowed.contains(action.kind) else { throw Refusal.actionNotAllowed(action.kind, at: letter.step) }
        var note: String?
        if let reason = action.reason {
            let trimmed = reason.trimmingWhitespace()
            guard !trimmed.isEmpty, trimmed.count <= 1000 else { throw Refusal.letterReasonRequired }
            note = trimmed
        }
        let next = nextStep(after: letter, action.kind)
        var changed = letter
        changed.step = next
        changed.stepSince = now
        changed.stepDueAt = next.isFinal ? now : calendar.adding(workingDays: letter.deadlineDays, to: now)
        changed.version += 1
        var signature: LetterSignature?
        var onBehalfOf: Int64?
        if case .standIn(let holder) = standing { onBehalfOf = holder.accountID }
        if action.kind == .sign, let position = letter.step.position {
            var capacity = SignatureCapacity.own
            if case .standIn = standing { capacity = .standIn(official.position, for: position) }
            signature = LetterSignature(position: position, region: letter.region(of: letter.step), capacity: capacity,
                                        signer: official, at: now)
        }
        let event = LetterEvent(action: action.kind.rawValue, from: letter.step, to: next, actorPosition: official.position,
                                actorID: official.accountID, onBehalfOf: onBehalfOf, note: note, at: now, dueAt: changed.stepDueAt)
        return LetterTransition(letter: changed, event: event, auditAction: "letter.\(action.kind.rawValue)", signature: signature,
                                numberedBy: next == .ready ? letter.region(of: letter.step) : nil)
    }

    /// The step after an allowed action.
    static func nextStep(after letter: Letter, _ kind: LetterAction.Kind) -> LetterStep {
        switch (kind, letter.step) {
        case (.return, _): return .correction
        case (.reject, _): return .rejected
        case (_, .correction): return .villageCheck
        case (_, .villageCheck): return .villageSign
        case (_, .villageSign): return letter.reachesDistrict ? .districtReceive : .ready
        case (_, .districtReceive): return .districtCheck
        case (_, .districtCheck): return .districtSign
        case (_, .districtSign): return .ready
        case (_, .ready), (_, .rejected): return letter.step
        }
    }

    /// The first event of a letter: the village front office enters it and it goes to the secretary.
    public static func entered(by official: Official, at now: Date, dueAt: Date) -> LetterEvent {
        LetterEvent(action: "enter", from: nil, to: .villageCheck, actorPosition: official.position, actorID: official.accountID,
                    onBehalfOf: nil, note: nil, at: now, dueAt: dueAt)
    }
}
