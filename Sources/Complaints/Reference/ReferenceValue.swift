/// One value of a reference record: what a field of the admin API holds.
public enum ReferenceValue: Sendable, Equatable, Hashable, CustomStringConvertible {
    case text(String)
    case integer(Int)
    case boolean(Bool)
    /// A list of values (a letter type's fields, a field's choices).
    case list([ReferenceValue])
    /// Values by name (one field of a letter type).
    case object([String: ReferenceValue])
    /// No value (an optional field left out, a route without a kecamatan).
    case none

    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    public var description: String {
        switch self {
        case .text(let value): return value
        case .integer(let value): return String(value)
        case .boolean(let value): return value ? "true" : "false"
        case .list(let values): return values.map(\.description).joined(separator: ", ")
        case .object(let members): return members.keys.sorted().map { "\($0): \(members[$0]!)" }.joined(separator: "; ")
        case .none: return ""
        }
    }
}

extension ReferenceValue: Codable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .boolean(let value): try container.encode(value)
        case .list(let values): try container.encode(values)
        case .object(let members): try container.encode(members)
        case .none: try container.encodeNil()
        }
    }

    /// A value as JSON holds it (a jsonb column read back); a fraction is no value of any field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .none
        } else if let flag = try? container.decode(Bool.self) {
            self = .boolean(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .integer(number)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let values = try? container.decode([ReferenceValue].self) {
            self = .list(values)
        } else {
            self = .object(try container.decode([String: ReferenceValue].self))
        }
    }
}

/// A record of reference data as the admin API lists it: its id (the last part of its PATCH path)
/// and its fields by their JSON names.
public struct ReferenceRecord: Sendable, Equatable {
    public let id: String
    public let values: [String: ReferenceValue]

    public init(id: String, values: [String: ReferenceValue]) {
        self.id = id
        self.values = values
    }

    public subscript(name: String) -> ReferenceValue { values[name] ?? .none }
}
