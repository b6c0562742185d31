import Complaints
import Testing

/// How a row's figures add up from its cases (`StatisticsTotals`, `StatisticsFigures`).
struct StatisticsFiguresTests {
    static func figures(resolved: Bool = false, within: Bool? = nil, verify: Int? = nil, resolve: Int? = nil, rating: Int? = nil,
                        confidential: Bool = false) -> CaseFigures {
        CaseFigures(day: LocalDay(number: 0), agency: "dpupr", category: "pekerjaan-umum", kecamatan: nil, kelurahan: nil,
                    confidential: confidential, resolved: resolved, withinDeadline: within, verifySeconds: verify,
                    resolveSeconds: resolve, rating: rating)
    }

    static let medians: [([Int], Double?)] = [([], nil), ([7], 7), ([9, 1, 5], 5), ([4, 1, 3, 2], 2.5), ([3600, 3600, 7200, 10_800], 5400)]

    @Test(arguments: medians)
    func theMedianIsExact(values: [Int], median: Double?) {
        #expect(StatisticsTotals.median(values) == median)
    }

    @Test func noCaseToMeasureGivesNull() {
        let empty = StatisticsFigures([])
        #expect(empty.received == 0 && empty.resolved == 0 && empty.confidentialCount == 0)
        #expect(empty.medianHoursToVerify == nil && empty.medianHoursToResolve == nil)
        #expect(empty.withinDeadlineShare == nil && empty.meanRating == nil)
    }

    @Test func aKnownSetGivesKnownFigures() {
        let cases = [
            Self.figures(resolved: true, within: true, verify: 3600, resolve: 36_000, rating: 5),
            Self.figures(resolved: true, within: true, verify: 7200, resolve: 72_000, rating: 4),
            Self.figures(resolved: true, within: false, verify: 10_800, resolve: 900_000, rating: 2, confidential: true),
            Self.figures(verify: 18_000),
            Self.figures(confidential: true),
        ]
        let figures = StatisticsFigures(cases)
        #expect(figures.received == 5)
        #expect(figures.resolved == 3)
        #expect(figures.confidentialCount == 2)
        #expect(figures.medianHoursToVerify == 2.5)      // 1, 2, 3, 5 hours
        #expect(figures.medianHoursToResolve == 20)      // 10, 20, 250 hours
        #expect(figures.withinDeadlineShare == 0.6667)   // 2 of 3
        #expect(figures.meanRating == 3.67)              // 11 / 3
    }
}
