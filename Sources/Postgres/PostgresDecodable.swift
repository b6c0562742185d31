import Foundation

/// A Swift type that can be read from a column in PostgreSQL's text result format.
public protocol PostgresDecodable {
    /// - Parameter text: the column's text, or nil for SQL NULL.
    /// - Returns: the value, or nil when the text does not convert (a NULL only converts to Optional).
    static func decode(postgresText text: String?) -> Self?
}

extension String: PostgresDecodable {
    public static func decode(postgresText text: String?) -> String? { text }
}

extension Int: PostgresDecodable {
    public static func decode(postgresText text: String?) -> Int? { text.flatMap { Int($0) } }
}

extension Int64: PostgresDecodable {
    public static func decode(postgresText text: String?) -> Int64? { text.flatMap { Int64($0) } }
}

extension Double: PostgresDecodable {
    public static func decode(postgresText text: String?) -> Double? { text.flatMap { Double($0) } }
}

extension Bool: PostgresDecodable {
    public static func decode(postgresText text: String?) -> Bool? {
        switch text {
        case "t": return true
        case "f": return false
        default: return nil
        }
    }
}

extension Date: PostgresDecodable {
    public static func decode(postgresText text: String?) -> Date? { text.flatMap(PostgresTimestamp.parse) }
}

extension Data: PostgresDecodable {
    /// Reads bytea's hex output (`\x48656c6c6f`).
    public static func decode(postgresText text: String?) -> Data? {
        guard let text, text.hasPrefix("\\x") else { return nil }
        let hex = Array(text.utf8.dropFirst(2))
        guard hex.count % 2 == 0 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(hex.count / 2)
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            case 65...70: return c - 55
            default: return nil
            }
        }
        var index = 0
        while index < hex.count {
            guard let high = nibble(hex[index]), let low = nibble(hex[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return Data(bytes)
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public static func decode(postgresText text: String?) -> Wrapped?? {
        guard let text else { return .some(nil) }
        guard let value = Wrapped.decode(postgresText: text) else { return nil }
        return .some(value)
    }
}
