import Foundation

/// One field of a kind of reference data: its JSON name, what it holds, and whether it is needed to
/// create a record and may be changed afterwards.
public struct ReferenceField: Sendable {
    /// What a field holds, and so how it is checked.
    public enum Shape: Sendable, Equatable {
        /// A code: lower-case letters, digits and inner hyphens, at most 64 characters.
        case code
        /// Text of 1 to `maxLength` characters, trimmed.
        case text(maxLength: Int)
        /// Text of 1 to `maxLength` characters that may hold paragraphs: line breaks are kept (as
        /// "\n"), other control characters refused.
        case paragraphs(maxLength: Int)
        /// A key word of an SMS: 1 to 20 capital letters or digits.
        case keyword
        /// A whole number in a range.
        case integer(ClosedRange<Int>)
        case boolean
        /// A calendar date written YYYY-MM-DD.
        case date
        /// One of a fixed set of values.
        case choice([String])
        /// The code of a record of another kind (checked by the store, which knows what exists).
        case reference(ReferenceKind)
        /// An archive classification code that opens a letter's number: three digits, perhaps a dot
        /// and one to three more (`470`, `474.1`).
        case classification
        /// A letter type's fields (`LetterField`), each an object with its type and checks.
        case letterFields
    }

    public let name: String
    public let shape: Shape
    /// Needed to create a record; an optional field left out takes `defaultValue`.
    public let required: Bool
    /// May be changed by PATCH; a field that names the record (its id) may not.
    public let editable: Bool
    public let defaultValue: ReferenceValue

    public init(_ name: String, _ shape: Shape, required: Bool = true, editable: Bool = true, default defaultValue: ReferenceValue = .none) {
        self.name = name
        self.shape = shape
        self.required = required
        self.editable = editable
        self.defaultValue = defaultValue
    }

    /// The value checked against the field's shape.
    /// - Throws: `Refusal.invalidReferenceField`, or for a letter type's fields the refusal that
    ///   names the field and the member at fault.
    public func checked(_ value: ReferenceValue) throws(Refusal) -> ReferenceValue {
        if shape == .letterFields { return .list(try LetterField.list(from: value).map(\.referenceValue)) }
        guard let checked = check(value) else { throw .invalidReferenceField(self) }
        return checked
    }

    /// The value checked against the field's shape, or nil when it does not fit.
    public func check(_ value: ReferenceValue) -> ReferenceValue? {
        if case (.paragraphs(let maxLength), .text(let text)) = (shape, value) {
            let lines = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            let controls = lines.unicodeScalars.contains { $0 != "\n" && $0.properties.generalCategory == .control }
            return !controls && (1...maxLength).contains(lines.count) ? .text(lines) : nil
        }
        // No text of the schema holds a control character (PostgreSQL's text refuses NUL outright).
        if let text = value.text, text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return nil }
        switch (shape, value) {
        case (.code, .text(let text)), (.reference, .text(let text)):
            return Self.isCode(text) ? .text(text) : nil
        case (.text(let maxLength), .text(let text)):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return (1...maxLength).contains(trimmed.count) ? .text(trimmed) : nil
        case (.keyword, .text(let text)):
            return (1...20).contains(text.count) && text.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) }) ? value : nil
        case (.integer(let range), .integer(let number)):
            return range.contains(number) ? value : nil
        case (.boolean, .boolean):
            return value
        case (.date, .text(let text)):
            return LetterField.isDate(text) ? value : nil
        case (.choice(let choices), .text(let text)):
            return choices.contains(text) ? value : nil
        case (.classification, .text(let text)):
            return Self.isClassification(text) ? value : nil
        case (.letterFields, _):
            return try? checked(value)
        default:
            return nil
        }
    }

    /// `^[0-9]{3}(\.[0-9]{1,3})?$`, as `letter_types.classification` takes it.
    static func isClassification(_ text: String) -> Bool {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits = { (part: Substring) in part.allSatisfy { $0.isASCII && $0.isNumber } }
        return parts[0].count == 3 && digits(parts[0]) && (parts.count == 1 || ((1...3).contains(parts[1].count) && digits(parts[1])))
    }

    /// A code as the schema's checks take it: `^[a-z0-9]+(-[a-z0-9]+)*$`, 1 to 64 characters.
    static func isCode(_ text: String) -> Bool {
        guard (1...64).contains(text.count), text.first != "-", text.last != "-", !text.contains("--") else { return false }
        return text.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
