import Foundation

/// Converts between `Date` and the ISO text PostgreSQL sends for `timestamptz` when the session's
/// DateStyle is ISO and its TimeZone UTC (set on every connection).
public enum PostgresTimestamp {
    /// Formats a date as `2026-11-23T06:04:19.123456Z`, a literal PostgreSQL reads losslessly to the microsecond.
    /// Digits are written by hand: every timestamp of every JSON answer passes here, and `String(format:)`
    /// took a third of the open data's time.
    public static func format(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let seconds = Int(micros.quotientFloor(1_000_000))
        let fraction = Int(micros - Int64(seconds) * 1_000_000)
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let year = Int(parts.tm_year) + 1900
        // Outside years 1 to 9999 (which the parsers refuse, so no query asks for one) the digits
        // would not fit four places: written by Foundation, never trapped.
        guard (1...9999).contains(year) else {
            return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", year, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                          Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), fraction)
        }
        return String(unsafeUninitializedCapacity: 27) { buffer in
            var end = 0
            func put(_ value: Int, digits: Int, then separator: Character) {
                var value = value
                for position in stride(from: end + digits - 1, through: end, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                buffer[end + digits] = separator.asciiValue!
                end += digits + 1
            }
            put(year, digits: 4, then: "-")
            put(Int(parts.tm_mon) + 1, digits: 2, then: "-")
            put(Int(parts.tm_mday), digits: 2, then: "T")
            put(Int(parts.tm_hour), digits: 2, then: ":")
            put(Int(parts.tm_min), digits: 2, then: ":")
            put(Int(parts.tm_sec), digits: 2, then: ".")
            put(fraction, digits: 6, then: "Z")
            return end
        }
    }

    /// The moments of years 1 to 9999 in UTC: what `format` writes with four digits and PostgreSQL
    /// reads as ISO text. Parsers refuse the rest, so no query is asked for a year it cannot read.
    public static let representable = Date(timeIntervalSince1970: -62_135_596_800)..<Date(timeIntervalSince1970: 253_402_300_800)

    /// Parses `2026-11-23 06:04:19.123456+00` (offsets such as `+07` or `+05:30` accepted); nil outside `representable`.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<(from + count)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 19,
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2)
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offsetSeconds = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            guard let hours = number(index + 1, 2) else { return nil }
            var minutes = 0
            if index + 3 < bytes.count, bytes[index + 3] == UInt8(ascii: ":") {
                minutes = number(index + 4, 2) ?? 0
            }
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        } else if index < bytes.count, bytes[index] == UInt8(ascii: "Z") {
            offsetSeconds = 0
        }
        let date = civilDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                             fraction: fraction, offsetSeconds: offsetSeconds)
        return representable.contains(date) ? date : nil
    }

    /// The moment a wall-clock reading names at a given offset from UTC (fields already validated).
    public static func civilDate(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
                                 fraction: Double, offsetSeconds: Int) -> Date {
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        return Date(timeIntervalSince1970: Double(timegm(&parts) - offsetSeconds) + fraction)
    }
}

extension Int64 {
    fileprivate func quotientFloor(_ divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
