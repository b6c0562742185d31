import Foundation
import Postgres

/// W3C date-times (the ISO 8601 subset GeoReport v2 requires), always with a timezone designator.
/// Answers are written in the region's own offset (WIB, UTC+7, as the working calendar assumes).
struct Open311DateTime: Sendable {
    /// The offset answers are written in, in seconds east of UTC.
    let utcOffset: Int

    init(utcOffset: Int = 7 * 3600) { self.utcOffset = utcOffset }

    /// `2026-11-23T14:04:19+07:00`, to the second.
    func format(_ date: Date) -> String {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + utcOffset
        var time = time_t(local)
        var parts = tm()
        gmtime_r(&time, &parts)
        let offset = abs(utcOffset) / 60
        // By hand: a page of 50 requests writes 150 of these, and String(format:) went through
        // CoreFoundation's formatter for each part.
        var text = ""
        text.reserveCapacity(25)
        Self.append(Int(parts.tm_year) + 1900, digits: 4, to: &text)
        text += "-"
        Self.append(Int(parts.tm_mon) + 1, digits: 2, to: &text)
        text += "-"
        Self.append(Int(parts.tm_mday), digits: 2, to: &text)
        text += "T"
        Self.append(Int(parts.tm_hour), digits: 2, to: &text)
        text += ":"
        Self.append(Int(parts.tm_min), digits: 2, to: &text)
        text += ":"
        Self.append(Int(parts.tm_sec), digits: 2, to: &text)
        text += utcOffset < 0 ? "-" : "+"
        Self.append(offset / 60, digits: 2, to: &text)
        text += ":"
        Self.append(offset % 60, digits: 2, to: &text)
        return text
    }

    /// Appends a non-negative `number` with at least `digits` digits, zeros in front.
    private static func append(_ number: Int, digits: Int, to text: inout String) {
        let written = String(number)
        if written.utf8.count < digits { text += String(repeating: "0", count: digits - written.utf8.count) }
        text += written
    }

    /// Reads `YYYY-MM-DD` (midnight in the region) or `YYYY-MM-DDThh:mm[:ss[.s]]TZD` with `Z` or
    /// `±hh:mm`. A space where the offset's `+` belongs is read as `+`: an unencoded `+` in a query
    /// string arrives as a space.
    /// - Returns: nil for anything else, including a time without a timezone and impossible dates.
    func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<(index + count)] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += count
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard index < bytes.count, bytes[index] == character.asciiValue! else { return false }
            index += 1
            return true
        }
        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2),
              (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        if index == bytes.count {
            return date(year, month, day, 0, 0, 0, 0, offset: utcOffset)
        }
        guard expect("T"), let hour = digits(2), expect(":"), let minute = digits(2),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        var second = 0
        var fraction = 0.0
        if expect(":") {
            guard let value = digits(2), (0...59).contains(value) else { return nil }
            second = value
            if expect(".") {
                var scale = 0.1
                let start = index
                while index < bytes.count, (48...57).contains(bytes[index]) {
                    fraction += Double(bytes[index] - 48) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
        }
        guard index < bytes.count else { return nil }
        let offset: Int
        switch bytes[index] {
        case UInt8(ascii: "Z"):
            index += 1
            offset = 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: " "):
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let hours = digits(2), expect(":"), let minutes = digits(2), hours <= 14, minutes <= 59 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        default:
            return nil
        }
        guard index == bytes.count else { return nil }
        return date(year, month, day, hour, minute, second, fraction, offset: offset)
    }

    /// The moment, or nil outside the years PostgreSQL reads (`0000-01-01T00:00:00+01:00` is in year 0).
    private func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int,
                      _ fraction: Double, offset: Int) -> Date? {
        let date = PostgresTimestamp.civilDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                                               fraction: fraction, offsetSeconds: offset)
        return PostgresTimestamp.representable.contains(date) ? date : nil
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
