import Complaints
import HTTP

/// Reading and writing reference data as the admin API and pages carry it.
enum ReferenceRequest {
    /// The kind a path names.
    /// - Throws: `Refusal` 404 `unknown_kind`.
    static func kind(_ request: HTTPRequest) throws -> ReferenceKind {
        let name = request.pathParameter("kind", as: String.self) ?? ""
        guard let kind = ReferenceKind(rawValue: name) else { throw Refusal.unknownReferenceKind(name) }
        return kind
    }

    /// A JSON body's members as values; a member of no shape a field takes (a list, an object, a
    /// fraction) becomes one that every field refuses.
    static func values(json body: JSONObjectReader) -> [String: ReferenceValue] {
        body.members.mapValues { value in
            switch value {
            case .null: return .none
            case .bool(let flag): return .boolean(flag)
            case .integer(let number): return .integer(number)
            case .string(let text): return .text(text)
            case .number, .array, .object: return .text("")
            }
        }
    }

    /// A page form's fields as values of the kind's fields: numbers and yes/no read by the field's
    /// shape, an empty optional field left out, a field the form did not send absent.
    static func values(form fields: [String: String], of kind: ReferenceKind, creating: Bool) -> [String: ReferenceValue] {
        var values: [String: ReferenceValue] = [:]
        for field in kind.fields where creating || field.editable {
            let text = fields[field.name] ?? ""
            switch field.shape {
            // An unticked box sends nothing: false, whenever the form shows the field.
            case .boolean: values[field.name] = .boolean(text == "true" || text == "on")
            case .integer: if !text.isEmpty { values[field.name] = Int(text).map(ReferenceValue.integer) ?? .text("") }
            default: if !text.isEmpty { values[field.name] = .text(text) }
            }
        }
        return values
    }

    /// A record as the API answers it: its id and its fields.
    static func json(_ record: ReferenceRecord) -> JSONValue {
        var members: [String: JSONValue] = ["id": .string(record.id)]
        for (name, value) in record.values {
            switch value {
            case .text(let text): members[name] = .string(text)
            case .integer(let number): members[name] = .integer(number)
            case .boolean(let flag): members[name] = .bool(flag)
            case .none: members[name] = .null
            }
        }
        return .object(members)
    }
}
