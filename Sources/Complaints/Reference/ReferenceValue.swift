/// One value of a reference record: what a field of the admin API holds.
public enum ReferenceValue: Sendable, Equatable, Hashable, CustomStringConvertible {
    case text(String)
    case integer(Int)
    case boolean(Bool)
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
        case .none: return ""
        }
    }
}

extension ReferenceValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .boolean(let value): try container.encode(value)
        case .none: try container.encodeNil()
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
