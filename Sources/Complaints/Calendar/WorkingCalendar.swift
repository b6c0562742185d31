import Foundation

/// Counts working days (Monday to Friday, not a holiday or cuti bersama) in the region's local time,
/// and carries the service levels counted in them. All of it is data the store loads
/// (`CategoryStore.calendar`): holidays, the agencies' time zones and the service levels.
public struct WorkingCalendar: Sendable {
    /// Holidays as days since 1970-01-01 in local time.
    public let holidays: Set<Int>
    /// The region's offset from UTC in seconds (WIB, UTC+7, by default).
    public let utcOffset: Int
    /// The deadlines, in working days.
    public let levels: ServiceLevels
    /// The time zone of each agency whose region is not the default's (`zoned(for:)`).
    public let agencyZones: [String: TimeZoneCode]

    public init(holidays: Set<Int> = [], utcOffset: Int = 7 * 3600, levels: ServiceLevels = .standard,
                agencyZones: [String: TimeZoneCode] = [:]) {
        self.holidays = holidays
        self.utcOffset = utcOffset
        self.levels = levels
        self.agencyZones = agencyZones
    }

    /// Builds a calendar from holiday dates written `YYYY-MM-DD`; malformed entries are ignored.
    public init(holidayDates: [String], utcOffset: Int = 7 * 3600, levels: ServiceLevels = .standard,
                agencyZones: [String: TimeZoneCode] = [:]) {
        var days = Set<Int>()
        for text in holidayDates {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            if parts.count == 3 { days.insert(Self.dayNumber(year: parts[0], month: parts[1], day: parts[2])) }
        }
        self.init(holidays: days, utcOffset: utcOffset, levels: levels, agencyZones: agencyZones)
    }

    /// The calendar in the local time of an agency's region: its deadlines end at the same local time
    /// of day there. An agency with no zone of its own keeps this calendar's.
    public func zoned(for agency: String) -> WorkingCalendar {
        guard let zone = agencyZones[agency], zone.utcOffset != utcOffset else { return self }
        return WorkingCalendar(holidays: holidays, utcOffset: zone.utcOffset, levels: levels, agencyZones: agencyZones)
    }

    /// The moment a kind of deadline falls when it starts at `start`.
    public func adding(_ kind: ServiceLevels.Kind, to start: Date) -> Date {
        adding(workingDays: levels[kind], to: start)
    }

    /// True when `day` (days since the epoch, local) is a working day.
    public func isWorkingDay(_ day: Int) -> Bool {
        // 1970-01-01 was a Thursday: weekday 0 = Monday … 6 = Sunday.
        let weekday = ((day % 7) + 7 + 3) % 7
        return weekday < 5 && !holidays.contains(day)
    }

    /// The moment `count` working days after `start`, at the same local time of day. Counting starts
    /// on the next day, so a complaint made on Friday afternoon with 3 working days is due Wednesday.
    public func adding(workingDays count: Int, to start: Date) -> Date {
        let seconds = Int(start.timeIntervalSince1970.rounded(.down)) + utcOffset
        var day = Int((Double(seconds) / 86_400).rounded(.down))
        let timeOfDay = seconds - day * 86_400
        var remaining = count
        while remaining > 0 {
            day += 1
            if isWorkingDay(day) { remaining -= 1 }
        }
        let fraction = start.timeIntervalSince1970 - start.timeIntervalSince1970.rounded(.down)
        return Date(timeIntervalSince1970: Double(day * 86_400 + timeOfDay - utcOffset) + fraction)
    }

    /// The working time between two moments, in seconds: the part of it that falls on working days
    /// (local time). 0 when `end` is not after `start`.
    public func workingSeconds(from start: Date, to end: Date) -> Int {
        let from = Int(start.timeIntervalSince1970.rounded(.down)) + utcOffset
        let to = Int(end.timeIntervalSince1970.rounded(.down)) + utcOffset
        guard to > from else { return 0 }
        var total = 0
        var moment = from
        while moment < to {
            let day = Int((Double(moment) / 86_400).rounded(.down))
            let dayEnd = min((day + 1) * 86_400, to)
            if isWorkingDay(day) { total += dayEnd - moment }
            moment = dayEnd
        }
        return total
    }

    /// The moment `seconds` of working time after `start` (counted as `workingSeconds(from:to:)` counts):
    /// a paused deadline resumed with the time that was left.
    public func adding(workingSeconds seconds: Int, to start: Date) -> Date {
        let fraction = start.timeIntervalSince1970 - start.timeIntervalSince1970.rounded(.down)
        var moment = Int(start.timeIntervalSince1970.rounded(.down)) + utcOffset
        var remaining = max(0, seconds)
        while remaining > 0 {
            let day = Int((Double(moment) / 86_400).rounded(.down))
            let dayEnd = (day + 1) * 86_400
            if isWorkingDay(day) {
                let taken = min(remaining, dayEnd - moment)
                remaining -= taken
                moment += taken
                if remaining == 0 { break }
            }
            moment = dayEnd
        }
        return Date(timeIntervalSince1970: Double(moment - utcOffset) + fraction)
    }

    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }
}
