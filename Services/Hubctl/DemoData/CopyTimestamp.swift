import Complaints
import Foundation

/// A moment as COPY's text for timestamptz, `2026-01-31 08:00:00+00`, written by hand: a million
/// complaints carry several million moments, and a date formatter is the slow part of writing them.
enum CopyTimestamp {
    static func text(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = seconds - days * 86_400
        let (year, month, day) = WorkingCalendar.civil(fromDays: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(year)-\(two(month))-\(two(day)) \(two(inDay / 3600)):\(two(inDay % 3600 / 60)):\(two(inDay % 60))+00"
    }
}
