import Complaints
import Foundation
import Postgres

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
    /// A kelurahan or kecamatan name, matched without regard to case.
    public var area: String?
    public var overdueOnly = false
    public var inspectorate = Inspectorate.exclude
    /// Only cases disposed to this sub-unit.
    public var subUnit: String?
    /// Only this agency's cases.
    public var agency: String?

    public init(module: ModuleName? = nil, categories: [String] = [], status: ComplaintStatus? = nil,
                priority: Priority? = nil, area: String? = nil, overdueOnly: Bool = false,
                inspectorate: Inspectorate = .exclude, subUnit: String? = nil, agency: String? = nil) {
        self.module = module
        self.categories = categories
        self.status = status
        self.priority = priority
        self.area = area
        self.overdueOnly = overdueOnly
        self.inspectorate = inspectorate
        self.subUnit = subUnit
        self.agency = agency
    }

    /// The conditions over `complaints`, with parameters `$1` to `$10` (`parameters(now:)`).
    static let conditions = """
        ($1::text is null or module_code = $1)
        and (cardinality($2::text[]) = 0 or category_code = any($2::text[]))
        and ($3::text is null or status = $3)
        and ($4::text is null or priority = $4)
        and ($5::text is null or lower(kelurahan) = lower($5) or lower(kecamatan) = lower($5))
        and (not $6 or due_at < $7::timestamptz)
        and ($8 = 'include' or ($8 = 'only') = inspectorate)
        and ($9::text is null or sub_unit_code = $9)
        and ($10::text is null or agency_code = $10)
        and status not in ('closed', 'rejected', 'duplicate')
        """

    func parameters(now: Date, ignoringStatus: Bool = false) -> [any PostgresEncodable] {
        let mode: String
        switch inspectorate {
        case .exclude: mode = "exclude"
        case .include: mode = "include"
        case .only: mode = "only"
        }
        return [module?.rawValue, categories, ignoringStatus ? nil : status?.rawValue, priority?.rawValue, area,
                overdueOnly, now, mode, subUnit, agency]
    }
}
