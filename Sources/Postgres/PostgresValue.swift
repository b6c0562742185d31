import Foundation

/// A statement parameter as it travels to the server: NULL, text, or raw bytes (bytea).
public enum PostgresValue: Sendable, Equatable {
    case null
    case text(String)
    case bytes([UInt8])
}

/// A Swift value that can be bound to a `$n` parameter. Values never become part of the SQL text.
public protocol PostgresEncodable {
    var postgresValue: PostgresValue { get }
}

extension String: PostgresEncodable {
    public var postgresValue: PostgresValue { .text(self) }
}

extension Substring: PostgresEncodable {
    public var postgresValue: PostgresValue { .text(String(self)) }
}

extension Int: PostgresEncodable {
    public var postgresValue: PostgresValue { .text(String(self)) }
}

extension Int32: PostgresEncodable {
    public var postgresValue: PostgresValue { .text(String(self)) }
}

extension Int64: PostgresEncodable {
    public var postgresValue: PostgresValue { .text(String(self)) }
}

extension Bool: PostgresEncodable {
    public var postgresValue: PostgresValue { .text(self ? "t" : "f") }
}

extension Double: PostgresEncodable {
    public var postgresValue: PostgresValue {
        guard isFinite else { return .text(isNaN ? "NaN" : (self > 0 ? "Infinity" : "-Infinity")) }
        return .text(String(self))
    }
}

extension Date: PostgresEncodable {
    public var postgresValue: PostgresValue { .text(PostgresTimestamp.format(self)) }
}

extension Data: PostgresEncodable {
    public var postgresValue: PostgresValue { .bytes([UInt8](self)) }
}

extension Array: PostgresEncodable where Element == String {
    /// Encodes as a PostgreSQL text[] literal with every element quoted and escaped.
    public var postgresValue: PostgresValue {
        let quoted = map { element in
            "\"" + element.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        return .text("{" + quoted.joined(separator: ",") + "}")
    }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public var postgresValue: PostgresValue {
        switch self {
        case .none: return .null
        case .some(let value): return value.postgresValue
        }
    }
}

extension PostgresValue: PostgresEncodable {
    public var postgresValue: PostgresValue { self }
}
