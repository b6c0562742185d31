import Foundation

/// What happens next to a case, as the citizen is told right after submitting and on the tracking
/// page: the step, and how many working days it takes (`DeadlinePolicy`).
public enum NextStep: String, Sendable, CaseIterable {
    /// The agency checks the complaint (received, dispatched, or forwarded to it).
    case verification
    /// The agency acts on it (verified, in progress, awaiting validation).
    case followUp = "follow_up"
    /// The citizen rates the result before the case closes by itself (resolved).
    case rating

    /// The next step of a case in `status`; nil when the case is over (closed, rejected, a duplicate) or on hold.
    public static func of(_ status: ComplaintStatus) -> NextStep? {
        switch status {
        case .received, .dispatched, .forwarded: return .verification
        case .verified, .inProgress, .awaitingValidation: return .followUp
        case .resolved: return .rating
        case .postponed, .closed, .rejected, .duplicate: return nil  // no step with a deadline
        case .awaitingReporter: return nil  // the agency's step is paused until the reporter answers
        }
    }

    /// The service level the step takes from its start.
    public var level: ServiceLevels.Kind {
        switch self {
        case .verification: return .verify
        case .followUp: return .followUp
        case .rating: return .closeAfterResolution
        }
    }
}

/// What a citizen is told right after a case is stored (the confirmation page, the desk's receipt):
/// the agency (OPD) that handles it, the next step and its deadline.
public struct CaseOutlook: Sendable, Equatable {
    public let agencyNameID: String?
    public let agencyNameEN: String?
    public let nextStep: NextStep?
    /// The case's own deadline once it is taken in; before that, the step's working days from submission.
    public let nextStepDue: Date?

    public init(agencyNameID: String?, agencyNameEN: String?, nextStep: NextStep?, nextStepDue: Date?) {
        self.agencyNameID = agencyNameID
        self.agencyNameEN = agencyNameEN
        self.nextStep = nextStep
        self.nextStepDue = nextStepDue
    }

    /// The outlook of a case as the public sees it.
    /// - Parameter agency: the agency's names (Indonesian, English), when known.
    public init(_ found: PublicCase, agency: (id: String, en: String)?, calendar: WorkingCalendar) {
        let step = NextStep.of(found.status)
        self.init(agencyNameID: agency?.id, agencyNameEN: agency?.en, nextStep: step,
                  nextStepDue: step == nil ? nil : found.dueAt ?? step.map { calendar.adding($0.level, to: found.createdAt) })
    }

    public func agencyName(_ language: Language) -> String? { language == .en ? agencyNameEN : agencyNameID }
}
