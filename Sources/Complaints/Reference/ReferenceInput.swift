/// What an admin sent to create or change a record of reference data, checked field by field
/// against its kind: every field known and of its shape, every required one there on creation, no
/// id field changed. References to other records are the store's to check.
public struct ReferenceInput: Sendable, Equatable {
    public let kind: ReferenceKind
    /// The checked values by JSON name; on creation, with the defaults of the fields left out.
    public let values: [String: ReferenceValue]

    /// - Parameters:
    ///   - sent: the fields as sent (JSON names).
    ///   - creating: true for POST (required fields, defaults), false for PATCH (only what changes).
    /// - Throws: `Refusal` 400 `unknown_field`, `invalid_field`, `missing_field`, `field_not_editable`, `nothing_to_change`.
    public init(_ kind: ReferenceKind, sent: [String: ReferenceValue], creating: Bool) throws(Refusal) {
        let fields = kind.fields
        let byName = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0) })
        if let unknown = sent.keys.sorted().first(where: { byName[$0] == nil }) { throw .unknownReferenceField(unknown) }
        var values: [String: ReferenceValue] = [:]
        for field in fields {
            guard let value = sent[field.name], value != .none else {
                if creating {
                    guard !field.required else { throw .missingReferenceField(field.name) }
                    values[field.name] = field.defaultValue
                }
                continue
            }
            if !creating && !field.editable { throw .referenceFieldNotEditable(field.name) }
            values[field.name] = try field.checked(value)
        }
        if !creating && values.isEmpty { throw .nothingToChange }
        self.kind = kind
        self.values = values
    }

    /// Refuses the record this input makes when it breaks a rule that spans its fields (a letter
    /// type's template names only the type's own fields).
    /// - Parameter before: the record a change changes; nil for a new one.
    /// - Throws: `Refusal` as the kind's rules (`LetterType.checkDefinition`).
    public func checkWhole(over before: ReferenceRecord?) throws(Refusal) {
        let whole = (before?.values ?? [:]).merging(values) { $1 }
        if kind == .letterTypes { try LetterType.checkDefinition(whole) }
    }

    /// The references to other records this input makes: (field, kind, code), for the store to check.
    public var references: [(field: String, kind: ReferenceKind, code: String)] {
        kind.fields.compactMap { field in
            guard case .reference(let target) = field.shape, let code = values[field.name]?.text else { return nil }
            return (field.name, target, code)
        }
    }
}
