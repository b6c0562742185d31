/// What the statistics are asked for: a period of local days (both ends included), optionally an area
/// (a kecamatan covers its desa/kelurahan) and a category. Read from `?from=&to=&area=&category=`.
public struct StatisticsQuery: Sendable, Equatable {
    public let from: LocalDay
    public let to: LocalDay
    public let area: RegionCode?
    public let category: String?

    /// The longest period one request may cover, in days.
    public static let longestPeriod = 366
    /// The period without `from`: the twelve weeks up to `to`.
    public static let defaultPeriod = 84

    public init(from: LocalDay, to: LocalDay, area: RegionCode? = nil, category: String? = nil) {
        self.from = from
        self.to = to
        self.area = area
        self.category = category
    }

    /// The query the parameters ask for, or the refusal that names what is wrong (400).
    /// - Parameters:
    ///   - from, to: `YYYY-MM-DD` or absent (`to`: today; `from`: the twelve weeks up to `to`).
    ///   - area: a region code of `areas`, or absent or empty.
    ///   - category: a code of `categories`, or absent or empty.
    ///   - today: the region's local day now.
    /// - Throws: `Refusal.invalidStatisticsDate`, `.invalidStatisticsPeriod`, `.statisticsPeriodTooLong`,
    ///   `.unknownStatisticsArea`, `.unknownStatisticsCategory`.
    public static func parse(from: String?, to: String?, area: String?, category: String?, today: LocalDay,
                             areas: Set<String>, categories: Set<String>) throws -> StatisticsQuery {
        func day(_ text: String?) throws -> LocalDay? {
            guard let text, !text.isEmpty else { return nil }
            guard let day = LocalDay(text) else { throw Refusal.invalidStatisticsDate }
            return day
        }
        let end = try day(to) ?? today
        let start = try day(from) ?? end.adding(days: -(defaultPeriod - 1))
        guard start <= end else { throw Refusal.invalidStatisticsPeriod }
        guard end.number - start.number + 1 <= longestPeriod else { throw Refusal.statisticsPeriodTooLong }
        var region: RegionCode?
        if let area, !area.isEmpty {
            guard let code = RegionCode(area), areas.contains(code.value) else { throw Refusal.unknownStatisticsArea }
            region = code
        }
        var chosen: String?
        if let category, !category.isEmpty {
            guard categories.contains(category) else { throw Refusal.unknownStatisticsCategory }
            chosen = category
        }
        return StatisticsQuery(from: start, to: end, area: region, category: chosen)
    }

    /// The weeks (Monday to Sunday) the period touches, each by its Monday.
    public var weeks: [LocalDay] {
        stride(from: from.weekStart.number, through: to.number, by: 7).map(LocalDay.init(number:))
    }
}

extension Refusal {
    public static let invalidStatisticsDate = Refusal(
        status: 400, code: "invalid_date", id: "Tanggal harus tanggal yang ada, ditulis TTTT-BB-HH.",
        en: "Dates must be real days written YYYY-MM-DD.")
    public static let invalidStatisticsPeriod = Refusal(
        status: 400, code: "invalid_period", id: "Tanggal awal tidak boleh sesudah tanggal akhir.",
        en: "from must not be after to.")
    public static let statisticsPeriodTooLong = Refusal(
        status: 400, code: "period_too_long", id: "Periode paling lama \(StatisticsQuery.longestPeriod) hari.",
        en: "The period may cover at most \(StatisticsQuery.longestPeriod) days.")
    public static let unknownStatisticsArea = Refusal(
        status: 400, code: "invalid_area", id: "Wilayah tidak dikenal: pakai kode kecamatan atau desa/kelurahan dari daftar.",
        en: "Unknown area: use a kecamatan or desa/kelurahan code from the list.")
    public static let unknownStatisticsCategory = Refusal(
        status: 400, code: "invalid_category", id: "Kategori tidak dikenal.", en: "Unknown category.")
}
