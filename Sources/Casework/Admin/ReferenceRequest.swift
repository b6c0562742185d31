import Complaints
import Foundation
import HTTP
import Web

/// Reading and writing reference data as the admin API and pages carry it.
enum ReferenceRequest {
    /// The kind a path names.
    /// - Throws: `Refusal` 404 `unknown_kind`.
    static func kind(_ request: HTTPRequest) throws -> ReferenceKind {
        let name = request.pathParameter("kind", as: String.self) ?? ""
        guard let kind = ReferenceKind(rawValue: name) else { throw Refusal.unknownReferenceKind(name) }
        return kind
    }

    /// A JSON body's members as values; a member of no shape a field takes (a fraction) becomes one
    /// that every field refuses.
    static func values(json body: JSONObjectReader) -> [String: ReferenceValue] {
        body.members.mapValues(value)
    }

    private static func value(_ json: JSONValue) -> ReferenceValue {
        switch json {
        case .null: return .none
        case .bool(let flag): return .boolean(flag)
        case .integer(let number): return .integer(number)
        case .string(let text): return .text(text)
        case .array(let elements): return .list(elements.map(value))
        case .object(let members): return .object(members.mapValues(value))
        case .number: return .text("")
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
            case .letterFields: values[field.name] = letterFields(form: fields)
            default: if !text.isEmpty { values[field.name] = .text(text) }
            }
        }
        return values
    }

    /// A letter type's fields as the page's rows carry them (`AdminLetterFieldRows`): a row left
    /// blank is no field, numbers and the box read as such, choices separated by commas.
    private static func letterFields(form fields: [String: String]) -> ReferenceValue {
        var rows: [ReferenceValue] = []
        for row in 0..<AdminLetterFieldRows.maximumRows {
            func text(_ member: String) -> String { (fields[AdminLetterFieldRows.name(row, member)] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
            guard !["key", "label_id", "label_en", "choices"].allSatisfy({ text($0).isEmpty }) else { continue }
            var members: [String: ReferenceValue] = ["type": .text(text("type")), "required": .boolean(text("required") == "true")]
            for member in ["key", "label_id", "label_en"] { members[member] = .text(text(member)) }
            for member in ["max_length", "min", "max"] where !text(member).isEmpty {
                members[member] = Int(text(member)).map(ReferenceValue.integer) ?? .text(text(member))
            }
            let choices = text("choices").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if !choices.isEmpty { members["choices"] = .list(choices.map(ReferenceValue.text)) }
            rows.append(.object(members))
        }
        return .list(rows)
    }

    /// A record as the API answers it: its id and its fields.
    static func json(_ record: ReferenceRecord) -> JSONValue {
        var members = record.values.mapValues(json)
        members["id"] = .string(record.id)
        return .object(members)
    }

    private static func json(_ value: ReferenceValue) -> JSONValue {
        switch value {
        case .text(let text): return .string(text)
        case .integer(let number): return .integer(number)
        case .boolean(let flag): return .bool(flag)
        case .list(let values): return .array(values.map(json))
        case .object(let members): return .object(members.mapValues(json))
        case .none: return .null
        }
    }
}
