/// Which open cases a work queue lists. Built on the server from the account (what it may see)
/// narrowed by what the user asked for.
public struct QueueFilter: Sendable, Equatable {
    /// Which inspectorate cases appear: none (agency queues), all, or only those (the inspectors' own queue).
    public enum Inspectorate: Sendable, Equatable {
        case exclude, include, only
    }

    /// nil for every module (inspectors, admins).
    public var module: ModuleName?
    /// Empty for every category.
    public var categories: [String] = []
    public var status: ComplaintStatus?
    public var priority: Priority?
    /// The kecamatan (by `kecamatan_code`) or desa/kelurahan (by `kelurahan_code`) asked for.
    public var area: RegionCode?
    /// The area an account is bound to (`Account.area`): a kelurahan or kecamatan name, matched
    /// without regard to case against the names stored with the case.
    public var boundArea: String?
    public var overdueOnly = false
    public var inspectorate = Inspectorate.exclude
    /// Only cases disposed to this sub-unit.
    public var subUnit: String?
    /// Only this agency's cases.
    public var agency: String?
    /// Only cases whose description or location holds the text, or whose tracking code it is.
    public var search: QueueSearch?
    /// Only the cases one account holds, or those nobody holds.
    public var assignee: QueueAssignee?

    public init(module: ModuleName? = nil, categories: [String] = [], status: ComplaintStatus? = nil,
                priority: Priority? = nil, area: RegionCode? = nil, boundArea: String? = nil, overdueOnly: Bool = false,
                inspectorate: Inspectorate = .exclude, subUnit: String? = nil, agency: String? = nil,
                search: QueueSearch? = nil, assignee: QueueAssignee? = nil) {
        self.search = search
        self.assignee = assignee
        self.module = module
        self.categories = categories
        self.status = status
        self.priority = priority
        self.area = area
        self.boundArea = boundArea
        self.overdueOnly = overdueOnly
        self.inspectorate = inspectorate
        self.subUnit = subUnit
        self.agency = agency
    }
}
