import Foundation

extension Lifecycle {
    /// What answering does to a case beyond its status: a question pauses the step's deadline (the
    /// working time left is kept in `ReporterWait`) and the reporter gets their time to answer; the
    /// reply brings back the status and the deadline with the time that was left, and marks the case
    /// "reporter answered" until staff act on it; the sweeper's reminder, once the reporter's time ran
    /// out, lets the officer close the case as unclear (`reject`), which is refused before.
    /// - Returns: the refusal, or nil with `after` and `due` updated.
    static func answering(_ transition: Transition, by actor: Actor, before: Case, after: inout Case,
                          due: inout DeadlinePolicy.Change, at now: Date, calendar: WorkingCalendar) -> Refusal? {
        if before.status == .awaitingReporter, transition.to == .rejected, before.reporterWait?.lapsed != true {
            return .reporterStillHasTime
        }
        // Staff acting on the case have seen the reporter's answer.
        if actor.role != nil { after.reporterAnswered = false }
        switch transition.kind {
        case .questionAsked:
            after.reporterWait = ReporterWait(resumeStatus: before.status,
                                              remaining: before.dueAt.map { calendar.workingSeconds(from: now, to: $0) })
        case .reporterReplied:
            after.reporterAnswered = true
            if before.status == .awaitingReporter {
                let wait = before.reporterWait ?? ReporterWait(resumeStatus: .inProgress, remaining: nil)
                after.status = wait.resumeStatus
                due = wait.remaining.map { .set(calendar.adding(workingSeconds: $0, to: now)) }
                    ?? DeadlinePolicy.change(entering: wait.resumeStatus, at: now, calendar: calendar)
            }
        case .reporterUnanswered:
            after.reporterWait?.lapsed = true
            // Told once: without a deadline the sweeper does not find the case again.
            due = .clear
        default:
            break
        }
        if after.status != .awaitingReporter { after.reporterWait = nil }
        return nil
    }
}
