/// A letter type's body template: `{{applicant.KEY}}` and `{{fields.KEY}}` are replaced with the
/// letter's values; a placeholder without a value becomes "-", and anything else is kept as written.
public enum LetterTemplate {
    public static func render(_ template: String, applicant: [String: String], fields: [String: String]) -> String {
        var output = ""
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                output += rest[open.lowerBound...]
                return output
            }
            let name = String(rest[open.upperBound..<close.lowerBound]).trimmingWhitespace()
            if name.hasPrefix("applicant.") {
                output += applicant[String(name.dropFirst("applicant.".count))] ?? "-"
            } else if name.hasPrefix("fields.") {
                output += fields[String(name.dropFirst("fields.".count))] ?? "-"
            } else {
                output += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return output + rest
    }
}

/// A letter's number: the type's classification, the region's sequence number of the year, the
/// region's code and the year, joined by dashes so that it is one path segment of its verification
/// link (`470-0007-35.03.01.2001-2026`).
public struct LetterNumber: Sendable, Equatable {
    public let text: String

    public init(classification: String, sequence: Int, region: RegionCode, year: Int) {
        let digits = String(sequence)
        text = "\(classification)-\(String(repeating: "0", count: max(0, 4 - digits.count)) + digits)-\(region.value)-\(year)"
    }

    /// Whether text could be a number (checked before it reaches a query).
    public static func isWellFormed(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count) && text.utf8.allSatisfy { (48...57).contains($0) || $0 == 46 || $0 == 45 }
    }
}

extension LetterTemplate {
    /// Refuses a template with a placeholder a letter of its type cannot fill: `{{fields.KEY}}` for
    /// a key the type lacks, anything but `{{applicant.KEY}}` and `{{fields.KEY}}`, an unclosed `{{`.
    /// (The applicant's particulars beyond NIK, name and address are open: a missing one prints "-".)
    /// - Throws: `Refusal.templateUnknownField`, `.templateInvalidPlaceholder` (422).
    public static func check(_ template: String, fieldKeys: Set<String>) throws(Refusal) {
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw .templateInvalidPlaceholder(String(rest[open.lowerBound...].prefix(40)))
            }
            let name = String(rest[open.upperBound..<close.lowerBound]).trimmingWhitespace()
            if name.hasPrefix("fields."), LetterField.isKey(String(name.dropFirst("fields.".count))) {
                let key = String(name.dropFirst("fields.".count))
                guard fieldKeys.contains(key) else { throw .templateUnknownField(key) }
            } else if !(name.hasPrefix("applicant.") && LetterField.isKey(String(name.dropFirst("applicant.".count)))) {
                throw .templateInvalidPlaceholder(String(rest[open.lowerBound..<close.upperBound].prefix(60)))
            }
            rest = rest[close.upperBound...]
        }
    }
}
