import Complaints
import Testing
@testable import Web

/// The statistics page: its numbers in each language, its charts (SVG with a title and a description
/// beside a table), names escaped, and a refused filter shown on the page instead of the figures.
struct StatisticsPageTests {
    static let query = StatisticsQuery(from: LocalDay("2026-03-02")!, to: LocalDay("2026-03-15")!)
    static let figures = StatisticsFigures(StatisticsTotals(received: 1234, resolved: 3, withinDeadline: 2, confidential: 1, rated: 2,
                                                            ratingSum: 8, medianVerifySeconds: 9000, medianResolveSeconds: nil))
    static let report = StatisticsReport(
        query: query, total: figures,
        agencies: [.init(kind: .agency, code: "dpupr", nameID: "Dinas <PU>", nameEN: "Public works", figures: figures)],
        categories: [.init(kind: .category, code: "pekerjaan-umum", nameID: "Pekerjaan Umum", nameEN: "Public works", figures: figures)],
        weeks: [.init(start: LocalDay("2026-03-02")!, received: 5, resolved: 3), .init(start: LocalDay("2026-03-09")!, received: 1, resolved: 0)])

    static func view(report: StatisticsReport? = report, refusal: Refusal? = nil) -> StatisticsPage.View {
        StatisticsPage.View(report: report, from: "2026-03-02", to: "2026-03-15", area: "", category: "",
                            areas: [.init(code: "99.01.01", label: "Sukamaju (99.01.01)")], categories: [], refusal: refusal)
    }

    @Test func writesTheFiguresInTheReadersLanguage() {
        let indonesian = StatisticsPage.render(Self.view(), language: .id)
        #expect(indonesian.contains("<td data-figure=\"received\">1.234</td>"))
        #expect(indonesian.contains("<td data-figure=\"median_hours_to_verify\">2,5</td>"))
        #expect(indonesian.contains("<td data-figure=\"within_deadline_share\">66,67 %</td>"))
        #expect(indonesian.contains("<td data-figure=\"median_hours_to_resolve\">–</td>"))
        let english = StatisticsPage.render(Self.view(), language: .en)
        #expect(english.contains("<td data-figure=\"received\">1,234</td>") && english.contains(">2.5</td>"))
        #expect(english.contains("Complaint statistics"))
    }

    @Test func drawsEachChartWithATitleADescriptionAndATable() {
        let html = StatisticsPage.render(Self.view(), language: .id)
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)
        for id in ["agencies-chart", "categories-chart", "trend-chart"] {
            #expect(html.contains("aria-labelledby=\"\(id)-title \(id)-desc\""))
            #expect(html.contains("<title id=\"\(id)-title\">") && html.contains("<desc id=\"\(id)-desc\">"))
        }
        #expect(html.contains("<table id=\"trend-table\">") && !html.contains("<script"))
        #expect(html.contains("Dinas &lt;PU&gt;") && !html.contains("Dinas <PU>"))
    }

    @Test func aRefusedFilterIsShownInsteadOfTheFigures() {
        let html = StatisticsPage.render(Self.view(report: nil, refusal: .invalidStatisticsPeriod), language: .id)
        #expect(html.contains("data-code=\"invalid_period\"") && html.contains("Tanggal awal tidak boleh sesudah tanggal akhir."))
        #expect(!html.contains("data-figure") && !html.contains("<svg"))
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1.000"), (1_234_567, "1.234.567")])
    func groupsThousands(value: Int, text: String) {
        #expect(StatisticsNumbers.whole(value, .id) == text)
        #expect(StatisticsNumbers.whole(value, .en) == text.replacingOccurrences(of: ".", with: ","))
    }
}
