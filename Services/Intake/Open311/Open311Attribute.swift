import Foundation

/// One extra question a service asks (a GeoReport v2 service-definition attribute), and how an
/// answer to it is checked. Answers arrive in `POST requests` as `attribute[code]=value`.
struct Open311Attribute: Sendable {
    enum Datatype: String, Sendable {
        case string, number, datetime, text, singlevaluelist, multivaluelist
    }

    let code: String
    let datatype: Datatype
    let required: Bool
    let description: String
    let datatypeDescription: String?
    let order: Int
    /// The allowed answers of a list, as (key, name).
    let values: [(key: String, name: String)]
    let maxLength: Int

    /// Why an answer is refused, or nil when it is acceptable.
    func problem(with answer: String) -> String? {
        let trimmed = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            return required ? "attribute[\(code)] is required" : nil
        }
        switch datatype {
        case .singlevaluelist, .multivaluelist:
            guard values.contains(where: { $0.key == trimmed }) else {
                return "attribute[\(code)] must be one of: " + values.map(\.key).joined(separator: ", ")
            }
        case .number:
            guard Double(trimmed)?.isFinite == true else { return "attribute[\(code)] must be a number" }
        case .string, .text, .datetime:
            break
        }
        if trimmed.unicodeScalars.count > maxLength {
            return "attribute[\(code)] may be at most \(maxLength) characters"
        }
        return nil
    }

    /// The attribute as a service definition lists it.
    var value: Open311Value {
        var members: [(String, Open311Value)] = [
            ("variable", .bool(true)),
            ("code", .text(code)),
            ("datatype", .text(datatype.rawValue)),
            ("required", .bool(required)),
            ("datatype_description", .text(datatypeDescription)),
            ("order", .integer(order)),
            ("description", .text(description)),
        ]
        if datatype == .singlevaluelist || datatype == .multivaluelist {
            members.append(("values", .list(item: "value", values.map { .object([("key", .text($0.key)), ("name", .text($0.name))]) })))
        }
        return .object(members)
    }
}

extension Open311Attribute {
    /// The streetlight pole id as marked on the pole (public works reports name their pole).
    static let poleID = "pole_id"
    /// Whether the request is hidden from the public beyond its status (our privacy extension as an
    /// attribute, for clients that send only attributes).
    static let confidential = "confidential"
}
