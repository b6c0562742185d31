import Foundation

/// What forwarding between agencies and the inspectorate's own work change beyond the status, decided
/// on the whole case (called from `apply(_:to:by:at:context:)`).
extension Lifecycle {
    /// Moves the case between agencies (and, where the receiving agency works other categories,
    /// between categories) for a forward, its acceptance or its return, and keeps the inspectorate's
    /// actions to the inspectorate's cases.
    /// - Parameters:
    ///   - after: the case as it will be; its agency, module and origin change here.
    ///   - details: the event's details; the agency it names is recorded here.
    /// - Returns: the event's public note (the public name of the agency the case went to or back to),
    ///   nil for an action that names none; or the refusal.
    static func crossAgency(_ action: CaseAction, before: Case, after: inout Case, details: inout EventDetails,
                            context: CaseContext) -> Result<String?, Refusal> {
        var note: String?
        switch action {
        case .forward(let code, _):
            guard code != before.agency else { return .failure(.forwardToSameAgency) }
            guard let target = context.agency, target.code == code, let module = target.module else {
                return .failure(.unknownForwardAgency(code))
            }
            after.forwardedFrom = ForwardOrigin(agency: before.agency, module: before.module, category: before.category,
                                                subcategory: before.subcategory)
            after.agency = code
            after.module = module
            // Staff see their module's cases by category: the case takes one the receiving agency works
            // (its queue and its deadlines), unless it has one already.
            if let category = target.categories.first, !target.categories.contains(before.category) {
                after.category = category
                after.subcategory = nil
                details.category = category
            }
            details.agency = code
            details.fromAgency = before.agency
            note = target.nameID
        case .acceptForward:
            details.agency = before.agency
            note = context.agency.flatMap { $0.code == before.agency ? $0.nameID : nil } ?? before.agency
        case .returnForward:
            guard let origin = before.forwardedFrom else {
                return .failure(.notAllowedInStatus(action: action.name.rawValue, status: before.status))
            }
            after.agency = origin.agency
            after.module = origin.module
            if let category = origin.category {
                after.category = category
                after.subcategory = origin.subcategory
                if category != before.category { details.category = category }
            }
            details.agency = origin.agency
            note = context.agency.flatMap { $0.code == origin.agency ? $0.nameID : nil } ?? origin.agency
        case .investigate, .recordFindings, .decide:
            guard before.inspectorate else { return .failure(.notInspectorateCase(action: action.name.rawValue)) }
            if case .decide(let outcome, _) = action { details.outcome = outcome }
        default:
            break
        }
        // Only a case waiting for the receiving agency's answer remembers where it came from.
        if after.status != .forwarded { after.forwardedFrom = nil }
        return .success(note)
    }

    /// The inspectorate's clock (the `misconduct` service level): it starts when the
    /// inspectorate takes the case (dispatched into its queue at intake, or handed to it) and no later
    /// step of its work moves it; an inspector's new deadline and the overdue step still apply.
    static func inspectorateDue(_ due: DeadlinePolicy.Change, before: Case, after: Case, transition: Transition,
                                at now: Date, calendar: WorkingCalendar) -> DeadlinePolicy.Change {
        guard after.inspectorate, after.status.isOpen else { return due }
        if !before.inspectorate || transition.kind == .dispatched {
            return .set(calendar.adding(.misconduct, to: now))
        }
        return transition.escalation == nil ? .keep : due
    }
}

extension CaseAction {
    /// The reason a forward or its return carries: recorded as an internal note beside the event,
    /// never public (it may name people).
    var internalReason: String? {
        switch self {
        case .forward(_, let reason), .returnForward(let reason): return reason
        default: return nil
        }
    }
}
