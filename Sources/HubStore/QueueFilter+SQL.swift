import Complaints
import Foundation
import Postgres

extension QueueFilter {
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
        and \(ComplaintStatus.openCondition)
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
