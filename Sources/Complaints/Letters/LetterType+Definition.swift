/// A letter type as an admin defines it (`letter-types` reference data): the rules that span its
/// fields, checked on the whole record (on a change, the record as it would be).
extension LetterType {
    /// The longest deadline a type may have, in working days (as `letter_types.deadline_days` takes it).
    public static let maximumDeadlineDays = 60

    /// - Parameter values: the record's fields by their JSON names, each already of its shape.
    /// - Throws: `Refusal.invalidLetterTypeCode` (400), the template's refusals (422).
    public static func checkDefinition(_ values: [String: ReferenceValue]) throws(Refusal) {
        if let code = values["code"]?.text, !isCode(code) { throw .invalidLetterTypeCode }
        let fields = try LetterField.list(from: values["fields"] ?? .list([]))
        try LetterTemplate.check(values["body_template"]?.text ?? "", fieldKeys: Set(fields.map(\.key)))
    }

    /// `^[a-z][a-z0-9-]{1,40}$`, as `letter_types.code` takes it.
    static func isCode(_ text: String) -> Bool {
        guard (2...41).contains(text.utf8.count), let first = text.utf8.first, (97...122).contains(first) else { return false }
        return text.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }
    }
}
