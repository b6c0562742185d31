import Foundation

/// The service levels every module honours, in working days, and what each status does to the clock.
public enum DeadlinePolicy {
    public static let verifyWithin = 3
    public static let followUpWithin = 5
    public static let closeAfterResolution = 10
    /// Working days a supervisor gets once an overdue case is escalated to them.
    public static let supervisorWithin = 2
    /// Working days the inspectorate has for a report of misconduct, as SP4N-LAPOR! gives them.
    public static let misconductWithin = 60
    /// Working days a reporter has to answer the officer's question before the officer is told.
    public static let reporterAnswerWithin = 10

    /// What happens to a case's deadline when it enters a status.
    public enum Change: Equatable, Sendable {
        case set(Date)
        case clear
        case keep
    }

    /// - Parameters:
    ///   - status: the status the case has just entered.
    ///   - now: the moment of the transition.
    public static func change(entering status: ComplaintStatus, at now: Date, calendar: WorkingCalendar) -> Change {
        switch status {
        // A forwarded case: the receiving agency answers within the time it has to verify.
        case .dispatched, .forwarded: return .set(calendar.adding(workingDays: verifyWithin, to: now))
        case .verified, .inProgress: return .set(calendar.adding(workingDays: followUpWithin, to: now))
        case .resolved: return .set(calendar.adding(workingDays: closeAfterResolution, to: now))
        case .awaitingValidation: return .keep
        // The reporter's time to answer; the agency's paused deadline is kept beside it (`ReporterWait`).
        case .awaitingReporter: return .set(calendar.adding(workingDays: reporterAnswerWithin, to: now))
        case .received, .postponed, .closed, .rejected, .duplicate: return .clear
        }
    }
}
