/// A JSON value as a typed tree: request bodies are read into it and response bodies are built of it,
/// so no handler passes an untyped dictionary around. Objects keep their members by name and are written
/// with their keys sorted, as the hub has always written them.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A whole number, written without a fraction.
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The value of an optional: JSON null when it is nil.
    public init<Value: JSONRepresentable>(_ optional: Value?) {
        self = optional?.json ?? .null
    }

    /// A member of an object; nil for a missing member and for anything that is not an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// True for JSON null.
    public var isNull: Bool { self == .null }
}

/// A value with one JSON form: domain values, views and answers turn themselves into a `JSONValue`.
public protocol JSONRepresentable {
    var json: JSONValue { get }
}

extension JSONValue: JSONRepresentable {
    public var json: JSONValue { self }
}

extension String: JSONRepresentable {
    public var json: JSONValue { .string(self) }
}

extension Int: JSONRepresentable {
    public var json: JSONValue { .integer(self) }
}

extension Int64: JSONRepresentable {
    public var json: JSONValue { .integer(Int(self)) }
}

extension Double: JSONRepresentable {
    public var json: JSONValue { .number(self) }
}

extension Bool: JSONRepresentable {
    public var json: JSONValue { .bool(self) }
}

extension Array: JSONRepresentable where Element: JSONRepresentable {
    public var json: JSONValue { .array(map(\.json)) }
}

extension Dictionary: JSONRepresentable where Key == String, Value: JSONRepresentable {
    public var json: JSONValue { .object(mapValues(\.json)) }
}

extension Optional: JSONRepresentable where Wrapped: JSONRepresentable {
    public var json: JSONValue { self?.json ?? .null }
}
