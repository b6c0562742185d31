import Foundation

/// The lexical pieces of PDF (ISO 32000-1, 7.3): numbers, literal and hexadecimal strings and dates,
/// written the same way every time so that the same document gives the same bytes.
enum PDFSyntax {
    /// A real number with at most three decimals and no trailing zeros ("12", "0.5", "-3.142").
    static func number(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = abs(thousandths)
        var fraction = String(magnitude % 1000)
        guard magnitude % 1000 != 0 else { return sign + String(magnitude / 1000) }
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(magnitude / 1000).\(fraction)"
    }

    /// A literal string of bytes: backslash, parentheses and every byte outside printable ASCII escaped.
    static func literal(_ bytes: [UInt8]) -> String {
        var result = "("
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
                result += "\\" + String(UnicodeScalar(byte))
            case 32...126:
                result.unicodeScalars.append(UnicodeScalar(byte))
            default:
                let octal = String(byte, radix: 8)
                result += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            }
        }
        return result + ")"
    }

    /// A text string for the document information: printable ASCII as a literal, anything else as
    /// UTF-16BE with its byte order mark, in hexadecimal (7.9.2.2).
    static func textString(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ (32...126).contains($0.value) }) {
            return literal(Array(text.utf8))
        }
        let units = [0xFEFF] + Array(text.utf16).map(Int.init)
        return "<" + units.map { unit in
            let hex = String(unit, radix: 16, uppercase: true)
            return String(repeating: "0", count: 4 - hex.count) + hex
        }.joined() + ">"
    }

    /// A date (7.9.4) in UTC: D:YYYYMMDDHHmmSSZ.
    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { (value ?? 0) < 10 ? "0\(value ?? 0)" : "\(value ?? 0)" }
        return "D:\(parts.year ?? 0)\(two(parts.month))\(two(parts.day))\(two(parts.hour))\(two(parts.minute))\(two(parts.second))Z"
    }
}
