import Foundation

/// An account of a letter role as the chain sees it: its position and region, and the name and
/// NIP its signature carries.
public struct Official: Sendable, Equatable {
    public let accountID: Int64
    public let position: LetterPosition
    public let region: RegionCode
    public let name: String
    public let nip: String?

    public init(accountID: Int64, position: LetterPosition, region: RegionCode, name: String, nip: String?) {
        self.accountID = accountID
        self.position = position
        self.region = region
        self.name = name
        self.nip = nip
    }
}

/// A leave (cuti) of an official, from one local day to another (both included), with the official
/// who holds their steps meanwhile.
public struct Leave: Sendable, Equatable {
    public let accountID: Int64
    /// Days since 1970-01-01 in local time (`WorkingCalendar.day(of:)`).
    public let fromDay: Int
    public let toDay: Int
    public let standInID: Int64

    public init(accountID: Int64, fromDay: Int, toDay: Int, standInID: Int64) {
        self.accountID = accountID
        self.fromDay = fromDay
        self.toDay = toDay
        self.standInID = standInID
    }

    public func covers(_ day: Int) -> Bool { fromDay <= day && day <= toDay }
}

extension WorkingCalendar {
    /// The local day (days since 1970-01-01 in the region's time) of a moment.
    public func day(of date: Date) -> Int {
        Int(((date.timeIntervalSince1970 + Double(utcOffset)) / 86_400).rounded(.down))
    }

    /// Year, month and day of a moment in the region's time: the one local day every date shown or
    /// numbered by is read from.
    public func localDate(of date: Date) -> (year: Int, month: Int, day: Int) { Self.civil(fromDays: day(of: date)) }

    /// A local day written YYYY-MM-DD, the inverse of `day(of: String)`.
    public static func isoDate(_ day: Int) -> String {
        let (year, month, dayOfMonth) = civil(fromDays: day)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(dayOfMonth))"
    }

    /// The local day of a date written YYYY-MM-DD, or nil.
    public static func day(of text: String) -> Int? {
        guard LetterField.isDate(text) else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return dayNumber(year: parts[0], month: parts[1], day: parts[2])
    }

    /// Year, month and day of a day number (days since 1970-01-01; Howard Hinnant's civil_from_days),
    /// the inverse of `dayNumber`.
    public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Official {
    /// The desks whose letters wait on this official today, as a position and its region: their
    /// own, unless they are on leave (their stand-in holds their steps meanwhile), and that of every
    /// official on leave they stand in for.
    /// - Parameter absent: the officials on leave today whose stand-in this official is.
    public func desksToday(onLeave: Bool, standingInFor absent: [Official]) -> [(position: LetterPosition, region: RegionCode)] {
        (onLeave ? [] : [(position, region)]) + absent.map { ($0.position, $0.region) }
    }
}

extension LetterPosition {
    /// The steps of the chain this position holds, the finished ones aside.
    public var openSteps: [LetterStep] { LetterStep.allCases.filter { $0.position == self && !$0.isFinal } }
}
