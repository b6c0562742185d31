/// A letter type's fields as an admin defines them (`fields` of the `letter-types` reference data):
/// each an object of `key`, `label_id`, `label_en`, `type`, `required` and the checks its type takes
/// (`max_length` for text, `min` and `max` for a number, `choices` for a choice), stored in
/// `letter_types.fields` as `LetterTypeStore` reads it.
extension LetterField {
    /// At most this many fields on one type.
    public static let maximumCount = 30
    /// The largest number a number field may bound (its values are at most 12 digits).
    public static let largestNumber = 999_999_999_999

    /// The field as the admin API shows it and `letter_types.fields` keeps it: the checks its type
    /// has, nothing else (no nulls: the store reads `choices` as a list wherever it is).
    public var referenceValue: ReferenceValue {
        var members: [String: ReferenceValue] = ["key": .text(key), "label_id": .text(labelID), "label_en": .text(labelEN),
                                                 "type": .text(kind.rawValue), "required": .boolean(required)]
        if let maxLength { members["max_length"] = .integer(maxLength) }
        if let min { members["min"] = .integer(min) }
        if let max { members["max"] = .integer(max) }
        if kind == .choice { members["choices"] = .list(choices.map(ReferenceValue.text)) }
        return .object(members)
    }

    /// The fields an admin sent, each checked whole; keys unique, at most `maximumCount`.
    /// - Throws: `Refusal.invalidLetterTypeField` naming the field (by its place, from 1) and the member at fault.
    public static func list(from value: ReferenceValue) throws(Refusal) -> [LetterField] {
        guard case .list(let items) = value, items.count <= maximumCount else {
            throw .invalidLetterTypeField(nil, "fields", ("daftar berisi paling banyak \(maximumCount) isian",
                                                          "a list of at most \(maximumCount) fields"))
        }
        var fields: [LetterField] = []
        for (offset, item) in items.enumerated() {
            let field = try LetterField(definition: item, place: offset + 1)
            if fields.contains(where: { $0.key == field.key }) {
                throw .invalidLetterTypeField(offset + 1, "key", ("berbeda dari kunci isian lain", "unlike every other field's key"))
            }
            fields.append(field)
        }
        return fields
    }

    private static let members: Set = ["key", "label_id", "label_en", "type", "required", "max_length", "min", "max", "choices"]
    private static let label = ReferenceField("label", .text(maxLength: 120))

    /// One field's definition; null members and an empty `choices` count as left out.
    private init(definition: ReferenceValue, place: Int) throws(Refusal) {
        guard case .object(let sent) = definition else {
            throw .invalidLetterTypeField(place, nil, ("objek berisi key, label_id, label_en dan type", "an object of key, label_id, label_en and type"))
        }
        let given = sent.filter { $0.value != .none && $0.value != .list([]) }
        if let unknown = given.keys.sorted().first(where: { !Self.members.contains($0) }) {
            throw .invalidLetterTypeField(place, unknown, ("tidak dikenal (key, label_id, label_en, type, required, max_length, min, max, choices)",
                                                           "unknown (key, label_id, label_en, type, required, max_length, min, max, choices)"))
        }
        guard let key = given["key"]?.text, Self.isKey(key) else {
            throw .invalidLetterTypeField(place, "key", ("huruf kecil, angka dan garis bawah, diawali huruf, paling banyak 40",
                                                         "lower-case letters, digits and underscores, starting with a letter, at most 40"))
        }
        func label(_ name: String) throws(Refusal) -> String {
            guard let text = given[name].flatMap(Self.label.check)?.text else {
                throw .invalidLetterTypeField(place, name, ("teks 1–120 karakter", "text of 1 to 120 characters"))
            }
            return text
        }
        let labelID = try label("label_id"), labelEN = try label("label_en")
        guard let kind = given["type"]?.text.flatMap(Kind.init(rawValue:)) else {
            let kinds = Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidLetterTypeField(place, "type", ("salah satu dari " + kinds, "one of " + kinds))
        }
        var required = false
        if let flag = given["required"] {
            guard case .boolean(let value) = flag else { throw .invalidLetterTypeField(place, "required", ("true atau false", "true or false")) }
            required = value
        }
        func number(_ name: String, only: Kind, in range: ClosedRange<Int>) throws(Refusal) -> Int? {
            guard let value = given[name] else { return nil }
            guard kind == only else {
                throw .invalidLetterTypeField(place, name, ("hanya untuk isian berjenis \(only.rawValue)", "only for fields of type \(only.rawValue)"))
            }
            guard case .integer(let number) = value, range.contains(number) else {
                throw .invalidLetterTypeField(place, name, ("bilangan bulat \(range.lowerBound)–\(range.upperBound)",
                                                            "a whole number from \(range.lowerBound) to \(range.upperBound)"))
            }
            return number
        }
        let maxLength = try number("max_length", only: .text, in: 1...1000)
        let min = try number("min", only: .number, in: 0...Self.largestNumber)
        let max = try number("max", only: .number, in: (min ?? 0)...Self.largestNumber)
        let choices = try Self.choices(given["choices"], kind: kind, place: place)
        self.init(key: key, labelID: labelID, labelEN: labelEN, kind: kind, required: required, maxLength: maxLength, min: min, max: max,
                  choices: choices)
    }

    /// A choice field's choices: 1 to 50 distinct texts of 1 to 120 characters; none for other types.
    private static func choices(_ value: ReferenceValue?, kind: Kind, place: Int) throws(Refusal) -> [String] {
        guard kind == .choice else {
            guard value == nil else {
                throw .invalidLetterTypeField(place, "choices", ("hanya untuk isian berjenis choice", "only for fields of type choice"))
            }
            return []
        }
        let rule = ("daftar 1–50 pilihan berbeda, masing-masing 1–120 karakter", "a list of 1 to 50 distinct choices of 1 to 120 characters each")
        guard case .list(let items) = value, (1...50).contains(items.count) else { throw .invalidLetterTypeField(place, "choices", rule) }
        var choices: [String] = []
        for item in items {
            guard let choice = label.check(item)?.text, !choices.contains(choice) else { throw .invalidLetterTypeField(place, "choices", rule) }
            choices.append(choice)
        }
        return choices
    }

    /// A field's key as letters store it and templates name it (`{{fields.KEY}}`).
    public static func isKey(_ text: String) -> Bool {
        guard (1...40).contains(text.utf8.count), let first = text.utf8.first, (97...122).contains(first) else { return false }
        return text.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 95 }
    }
}
