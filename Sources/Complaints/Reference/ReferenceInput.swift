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
            guard let checked = field.check(value) else { throw .invalidReferenceField(field) }
            values[field.name] = checked
        }
        if !creating && values.isEmpty { throw .nothingToChange }
        self.kind = kind
        self.values = values
    }

    /// The references to other records this input makes: (field, kind, code), for the store to check.
    public var references: [(field: String, kind: ReferenceKind, code: String)] {
        kind.fields.compactMap { field in
            guard case .reference(let target) = field.shape, let code = values[field.name]?.text else { return nil }
            return (field.name, target, code)
        }
    }
}
