/// What the lifecycle needs to know beyond the case itself, loaded by the store beforehand (each
/// item by a named query beside its table; `CaseLookups` says which an action needs). An item the
/// store did not find stays nil, and the lifecycle refuses what names it.
public struct CaseContext: Sendable {
    /// Working days and holidays, for deadlines.
    public var calendar: WorkingCalendar
    /// The active account an `assign` names.
    public var assignee: Account?
    /// The active sub-unit a `dispose` names.
    public var subUnit: SubUnit?
    /// The route of the category an escalation moves the case to.
    public var route: CategoryRoute?
    /// The id of the case a duplicate joins.
    public var duplicateTarget: Int64?
    /// The account of the case's assignee (also when disabled): whether they keep the case when it
    /// changes sub-unit depends on where they work.
    public var currentAssignee: Account?
    /// The agency a forwarding action names: where a case is forwarded to, the agency accepting it, or
    /// the one it returns to (for its public name).
    public var agency: Agency?

    public init(calendar: WorkingCalendar = WorkingCalendar(), assignee: Account? = nil, subUnit: SubUnit? = nil,
                route: CategoryRoute? = nil, duplicateTarget: Int64? = nil, currentAssignee: Account? = nil, agency: Agency? = nil) {
        self.calendar = calendar
        self.assignee = assignee
        self.subUnit = subUnit
        self.route = route
        self.duplicateTarget = duplicateTarget
        self.currentAssignee = currentAssignee
        self.agency = agency
    }
}

/// What the store must look up before the lifecycle decides an action on a case.
public struct CaseLookups: Sendable, Equatable {
    /// The account to assign (active only).
    public var assignee: Int64?
    /// The sub-unit to dispose to (active only).
    public var subUnit: String?
    /// The category whose route a move needs.
    public var category: String?
    /// The tracking code of the case a duplicate joins.
    public var duplicate: String?
    /// The case's current assignee, when the action may move the case out of their sub-unit.
    public var currentAssignee: Int64?
    /// The agency whose names (and route, for a forward) the action needs.
    public var agency: String?

    public init(assignee: Int64? = nil, subUnit: String? = nil, category: String? = nil, duplicate: String? = nil,
                currentAssignee: Int64? = nil, agency: String? = nil) {
        self.assignee = assignee
        self.subUnit = subUnit
        self.category = category
        self.duplicate = duplicate
        self.currentAssignee = currentAssignee
        self.agency = agency
    }
}

extension Lifecycle {
    /// The lookups `apply(_:to:by:at:context:)` needs for `action` on `stored`.
    public static func lookups(for action: CaseAction, on stored: Case) -> CaseLookups {
        switch action {
        case .assign(let account): return CaseLookups(assignee: account)
        case .dispose(let subUnit): return CaseLookups(subUnit: subUnit, currentAssignee: stored.assignedTo)
        case .escalate(.moveToCategory(let category)): return CaseLookups(category: category, currentAssignee: stored.assignedTo)
        case .markDuplicate(let other), .linkAsDuplicate(let other): return CaseLookups(duplicate: other)
        case .forward(let agency, _): return CaseLookups(agency: agency)
        case .acceptForward: return CaseLookups(agency: stored.agency)
        case .returnForward: return CaseLookups(agency: stored.forwardedFrom?.agency)
        default: return CaseLookups()
        }
    }
}
