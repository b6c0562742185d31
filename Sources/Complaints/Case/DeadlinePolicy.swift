import Foundation

/// What each status does to a case's clock; the working days come from the region's service levels
/// (`WorkingCalendar.levels`, data the store loads), the reporter's time to answer a question among them.
public enum DeadlinePolicy {
    /// What happens to a case's deadline when it enters a status.
    public enum Change: Equatable, Sendable {
        case set(Date)
        case clear
        case keep
    }

    /// - Parameters:
    ///   - status: the status the case has just entered.
    ///   - now: the moment of the transition.
    ///   - calendar: the working days, and the service levels counted in them.
    public static func change(entering status: ComplaintStatus, at now: Date, calendar: WorkingCalendar) -> Change {
        switch status {
        // A forwarded case: the receiving agency answers within the time it has to verify.
        case .dispatched, .forwarded: return .set(calendar.adding(.verify, to: now))
        case .verified, .inProgress: return .set(calendar.adding(.followUp, to: now))
        case .resolved: return .set(calendar.adding(.closeAfterResolution, to: now))
        case .awaitingValidation: return .keep
        // The reporter's time to answer; the agency's paused deadline is kept beside it (`ReporterWait`).
        case .awaitingReporter: return .set(calendar.adding(.reporterAnswer, to: now))
        case .received, .postponed, .closed, .rejected, .duplicate: return .clear
        }
    }
}
