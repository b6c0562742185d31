/// A field a letter type asks for, with its type and checks (stored as JSON in `letter_types.fields`).
public struct LetterField: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Free text up to `maxLength` characters (200 when unset).
        case text
        /// A calendar date written YYYY-MM-DD.
        case date
        /// A whole number between `min` and `max`.
        case number
        /// A 16-digit NIK (Nomor Induk Kependudukan).
        case nik
        /// One of `choices`.
        case choice
    }

    public let key: String
    public let labelID: String
    public let labelEN: String
    public let kind: Kind
    public let required: Bool
    public let maxLength: Int?
    public let min: Int?
    public let max: Int?
    public let choices: [String]

    public init(key: String, labelID: String, labelEN: String, kind: Kind, required: Bool, maxLength: Int? = nil,
                min: Int? = nil, max: Int? = nil, choices: [String] = []) {
        self.key = key
        self.labelID = labelID
        self.labelEN = labelEN
        self.kind = kind
        self.required = required
        self.maxLength = maxLength
        self.min = min
        self.max = max
        self.choices = choices
    }

    /// The value as stored, checked against the field's type and checks.
    /// - Parameter value: the text sent (numbers arrive as their decimal text); nil or blank when absent.
    /// - Returns: the trimmed value, or nil for an optional field left out.
    /// - Throws: `Refusal.letterFieldMissing` or `.letterFieldInvalid`.
    public func check(_ value: String?) throws(Refusal) -> String? {
        guard let value = value?.trimmingWhitespace(), !value.isEmpty else {
            if required { throw Refusal.letterFieldMissing(self) }
            return nil
        }
        switch kind {
        case .text:
            guard value.count <= (maxLength ?? 200) else { throw Refusal.letterFieldInvalid(self) }
        case .date:
            guard LetterField.isDate(value) else { throw Refusal.letterFieldInvalid(self) }
        case .number:
            guard value.count <= 12, let number = Int(value), number >= (min ?? 0), number <= (max ?? Int.max) else {
                throw Refusal.letterFieldInvalid(self)
            }
        case .nik:
            guard LetterField.isNIK(value) else { throw Refusal.letterFieldInvalid(self) }
        case .choice:
            guard choices.contains(value) else { throw Refusal.letterFieldInvalid(self) }
        }
        return value
    }

    /// A NIK: 16 ASCII digits.
    public static func isNIK(_ text: String) -> Bool { text.utf8.count == 16 && text.utf8.allSatisfy { (48...57).contains($0) } }

    /// YYYY-MM-DD naming a real day (years 1900 to 2199).
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1900...2199).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
