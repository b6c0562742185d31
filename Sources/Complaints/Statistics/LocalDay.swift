import Foundation

/// A calendar day in a region's local time, as days since 1970-01-01 (the numbering
/// `WorkingCalendar` counts holidays in), written `YYYY-MM-DD`.
public struct LocalDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let number: Int

    public init(number: Int) { self.number = number }

    /// The day `text` names, written `YYYY-MM-DD` (a real day, years 1900 to 2199); nil otherwise.
    public init?(_ text: String) {
        guard LetterField.isDate(text) else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        number = WorkingCalendar.dayNumber(year: parts[0], month: parts[1], day: parts[2])
    }

    /// The local day of `moment` at `utcOffset` seconds east of UTC (WIB: 7 × 3600).
    public init(_ moment: Date, utcOffset: Int) {
        let seconds = Int(moment.timeIntervalSince1970.rounded(.down)) + utcOffset
        number = Int((Double(seconds) / 86_400).rounded(.down))
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> LocalDay { LocalDay(number: number + count) }

    /// The Monday that starts this day's week (ISO weeks: Monday to Sunday).
    public var weekStart: LocalDay {
        // 1970-01-01 was a Thursday: weekday 0 = Monday … 6 = Sunday.
        let weekday = ((number % 7) + 7 + 3) % 7
        return LocalDay(number: number - weekday)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        // Howard Hinnant's days-to-civil.
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: LocalDay, rhs: LocalDay) -> Bool { lhs.number < rhs.number }
}
