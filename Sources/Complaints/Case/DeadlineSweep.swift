import Foundation

/// Deadlines that enforce themselves: what the hub does, by itself, to a case whose deadline passed.
/// An open case the agency is working goes to the module's supervisor (overdue step 1), and if the
/// supervisor's deadline passes too, to the inspectors (step 2); a resolved case the citizen did not
/// answer in time closes; a forwarded case the receiving agency did not answer in time goes back to
/// the agency that forwarded it (which holds it again, with a new deadline). The store finds the candidates (`escalatesWhenOverdue`, `closesWhenOverdue`)
/// and applies what `action(for:at:)` answers through the lifecycle.
public enum DeadlineSweep {
    /// The last overdue step: after the inspectors nothing escalates by itself.
    public static let lastOverdueStep = 2
    /// The internal reason of the hub's own return of a forward the receiving agency did not answer in time.
    public static let unansweredForwardReason = "Instansi tujuan tidak menerima atau mengembalikan kasus sebelum batas waktu."

    /// What the hub does to `stored` at `now`, or nil when its deadline has not passed or it has nothing left to take.
    public static func action(for stored: Case, at now: Date) -> CaseAction? {
        guard let due = stored.dueAt, due < now else { return nil }
        if stored.status.returnsWhenOverdue { return .returnForward(reason: unansweredForwardReason) }
        // The reporter did not answer the officer's question in time: the officer is told, once.
        if stored.status.remindsWhenOverdue { return stored.reporterWait?.lapsed == true ? nil : .remindUnanswered }
        // The inspectorate has no supervisor step of the module: its late cases go straight to the inspectors' last step.
        if stored.inspectorate && stored.status.escalatesWhenOverdue {
            return stored.overdueStep < lastOverdueStep ? .escalate(.overdue(step: lastOverdueStep)) : nil
        }
        if stored.status.escalatesWhenOverdue {
            return stored.overdueStep < lastOverdueStep ? .escalate(.overdue(step: stored.overdueStep + 1)) : nil
        }
        return stored.status.closesWhenOverdue ? .close : nil
    }
}
