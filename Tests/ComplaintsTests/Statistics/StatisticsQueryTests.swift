import Complaints
import Testing

/// The statistics' filters as a request gives them (`StatisticsQuery.parse`).
struct StatisticsQueryTests {
    static let today = LocalDay("2026-03-12")!
    static let areas: Set<String> = ["35.03.01", "35.03.01.2001"]
    static let categories: Set<String> = ["kesehatan", "pekerjaan-umum"]

    static func parse(from: String? = nil, to: String? = nil, area: String? = nil, category: String? = nil) throws -> StatisticsQuery {
        try StatisticsQuery.parse(from: from, to: to, area: area, category: category, today: today, areas: areas, categories: categories)
    }

    @Test func withoutFiltersTheLastTwelveWeeksUpToToday() throws {
        let query = try Self.parse()
        #expect(query.to == Self.today)
        #expect(query.from.description == "2025-12-19")
        #expect(query.area == nil && query.category == nil)
        #expect(try Self.parse(from: "", to: "", area: "", category: "") == query)
    }

    @Test func aKecamatanOrADesaAndACategory() throws {
        #expect(try Self.parse(area: "35.03.01").area?.isVillage == false)
        #expect(try Self.parse(area: "35.03.01.2001", category: "kesehatan").category == "kesehatan")
    }

    @Test(arguments: [
        (Optional("2026-02-30"), Optional<String>.none, Optional<String>.none, Optional<String>.none, "invalid_date"),
        ("12-03-2026", nil, nil, nil, "invalid_date"),
        (nil, "kemarin", nil, nil, "invalid_date"),
        ("2026-03-02", "2026-03-01", nil, nil, "invalid_period"),
        ("2025-02-28", "2026-03-01", nil, nil, "period_too_long"),
        (nil, nil, "35.03.02", nil, "invalid_area"),
        (nil, nil, "Sukamaju", nil, "invalid_area"),
        (nil, nil, nil, "sampah", "invalid_category"),
    ])
    func badFiltersAreRefused(from: String?, to: String?, area: String?, category: String?, code: String) {
        #expect(throws: Refusal.self) { try Self.parse(from: from, to: to, area: area, category: category) }
        do {
            _ = try Self.parse(from: from, to: to, area: area, category: category)
        } catch let refusal as Refusal {
            #expect(refusal.code == code && refusal.status == 400)
            #expect(!refusal.messageID.isEmpty && refusal.messageID != refusal.messageEN)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func aPeriodOf366DaysIsTheLongest() throws {
        #expect(try Self.parse(from: "2025-03-12", to: "2026-03-12").to == Self.today)
    }

    @Test func theWeeksStartOnMonday() throws {
        // Wednesday 2026-03-04 to Monday 2026-03-16: the weeks of 2 March, 9 March and 16 March.
        let query = try Self.parse(from: "2026-03-04", to: "2026-03-16")
        #expect(query.weeks.map(\.description) == ["2026-03-02", "2026-03-09", "2026-03-16"])
    }

    @Test(arguments: ["1970-01-01", "2024-02-29", "2026-03-12", "2199-12-31"])
    func aDayReadsBackAsWritten(text: String) throws {
        #expect(try #require(LocalDay(text)).description == text)
    }
}
