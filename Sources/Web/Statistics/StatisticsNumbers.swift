import Complaints
import Foundation

/// How the statistics page writes its numbers: Indonesian uses a decimal comma and a dot between
/// thousands, English the other way round; a figure with nothing to measure says so.
enum StatisticsNumbers {
    static func whole(_ value: Int, _ language: Language) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += language == .en ? "," : "." }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// `value` with up to `places` decimals (trailing zeros dropped), or "–" for nil.
    static func decimal(_ value: Double?, places: Int = 2, _ language: Language) -> String {
        guard let value else { return "–" }
        var text = String(format: "%.\(places)f", value)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return language == .en ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    /// A share as a percentage with up to two decimals ("87,5 %"), or "–" for nil.
    static func percent(_ share: Double?, _ language: Language) -> String {
        guard let share else { return "–" }
        return decimal(share * 100, places: 2, language) + " %"
    }
}
