import Foundation

/// The sums a row of the statistics is made of, as the rollup adds them up over a period, an area and
/// an agency or a category, with the exact medians of the measured durations.
public struct StatisticsTotals: Sendable, Equatable {
    public var received = 0
    public var resolved = 0
    /// Resolved cases whose resolution came within the deadline.
    public var withinDeadline = 0
    public var confidential = 0
    public var rated = 0
    public var ratingSum = 0
    /// The median of the seconds to verify, over every case verified (nil: none was).
    public var medianVerifySeconds: Double?
    /// The median of the seconds to resolve, over every resolved case (nil: none was).
    public var medianResolveSeconds: Double?

    public init(received: Int = 0, resolved: Int = 0, withinDeadline: Int = 0, confidential: Int = 0, rated: Int = 0,
                ratingSum: Int = 0, medianVerifySeconds: Double? = nil, medianResolveSeconds: Double? = nil) {
        self.received = received
        self.resolved = resolved
        self.withinDeadline = withinDeadline
        self.confidential = confidential
        self.rated = rated
        self.ratingSum = ratingSum
        self.medianVerifySeconds = medianVerifySeconds
        self.medianResolveSeconds = medianResolveSeconds
    }

    /// The totals of a set of counted cases, summed case by case: what the rollup's SQL must equal.
    public init(_ cases: [CaseFigures]) {
        self.init()
        for figures in cases {
            received += 1
            if figures.resolved { resolved += 1 }
            if figures.withinDeadline == true { withinDeadline += 1 }
            if figures.confidential { confidential += 1 }
            if let rating = figures.rating {
                rated += 1
                ratingSum += rating
            }
        }
        medianVerifySeconds = Self.median(cases.compactMap(\.verifySeconds))
        medianResolveSeconds = Self.median(cases.compactMap(\.resolveSeconds))
    }

    /// The exact median: the middle value, or the mean of the two middle ones (PostgreSQL's
    /// `percentile_cont(0.5)`); nil for no values.
    public static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : (Double(sorted[middle - 1]) + Double(sorted[middle])) / 2
    }
}

/// The published figures of one row (an agency, a category, or the whole region), each defined by
/// `CaseFigures` over the cases received in the period; nil where there is no case to measure.
public struct StatisticsFigures: Sendable, Equatable {
    /// Counted cases received in the period (`CaseFigures`: not fan-out parents, not duplicates).
    public let received: Int
    /// Of those, the cases resolved or closed after a resolution now.
    public let resolved: Int
    /// The exact median hours from receipt to the first verification, rounded to 0.01 h.
    public let medianHoursToVerify: Double?
    /// The exact median hours from receipt to the standing resolution, rounded to 0.01 h.
    public let medianHoursToResolve: Double?
    /// Of the resolved cases, the share resolved within the deadline (0 to 1, rounded to 0.0001).
    public let withinDeadlineShare: Double?
    /// The mean of the citizens' ratings (1 to 5) of the received cases, rounded to 0.01.
    public let meanRating: Double?
    /// Of the received cases, the confidential ones (counted, never placed or described).
    public let confidentialCount: Int

    public init(_ totals: StatisticsTotals) {
        received = totals.received
        resolved = totals.resolved
        medianHoursToVerify = totals.medianVerifySeconds.map { Self.rounded($0 / 3600, places: 2) }
        medianHoursToResolve = totals.medianResolveSeconds.map { Self.rounded($0 / 3600, places: 2) }
        withinDeadlineShare = totals.resolved > 0 ? Self.rounded(Double(totals.withinDeadline) / Double(totals.resolved), places: 4) : nil
        meanRating = totals.rated > 0 ? Self.rounded(Double(totals.ratingSum) / Double(totals.rated), places: 2) : nil
        confidentialCount = totals.confidential
    }

    /// The figures of a set of counted cases.
    public init(_ cases: [CaseFigures]) { self.init(StatisticsTotals(cases)) }

    static func rounded(_ value: Double, places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }
}
