import Foundation
import JSON
import Postgres

/// JSON text for jsonb parameters, built by the hub's own encoder rather than by hand (keys sorted by
/// their bytes, no Foundation JSON), and jsonb text read back.
enum JSONText {
    /// What `JSONSerialization` took: text, booleans, numbers, `NSNull` (and nil), arrays and objects
    /// of them; "{}" for anything else, as before.
    static func encode(_ object: [String: Any]) -> String {
        guard let value = json(object) else { return "{}" }
        return String(decoding: value.bytes, as: UTF8.self)
    }

    private static func json(_ any: Any) -> JSONValue? {
        switch any {
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let whole as Int: return .integer(whole)
        case let whole as Int64: return .integer(Int(whole))
        case let whole as Int32: return .integer(Int(whole))
        case let number as Double: return number.isFinite ? .number(number) : nil
        case is NSNull: return .null
        case let elements as [Any]:
            var values: [JSONValue] = []
            for element in elements {
                guard let value = json(element) else { return nil }
                values.append(value)
            }
            return .array(values)
        case let members as [String: Any]:
            var values: [String: JSONValue] = [:]
            for (key, member) in members {
                guard let value = json(member) else { return nil }
                values[key] = value
            }
            return .object(values)
        default:
            // A nil optional (`orNull`'s other form): null.
            let mirror = Mirror(reflecting: any)
            return mirror.displayStyle == .optional && mirror.children.isEmpty ? .null : nil
        }
    }

    /// Moments written as PostgreSQL writes them (`PostgresTimestamp.format`, UTC with microseconds).
    private static let encoder = JSONValueEncoder(dateEncoding: .text { PostgresTimestamp.format($0) })

    /// A typed value (an event's details, an audit snapshot), moments written as PostgreSQL writes
    /// them.
    static func encode<Value: Encodable>(_ value: Value) -> String {
        // The values encoded here are text, numbers, booleans and moments: encoding cannot fail.
        (try? encoder.text(value)) ?? "{}"
    }

    /// jsonb text read as `type` (a case's module fields, an account's list); nil when it does not fit.
    static func decode<Value: Decodable>(_ type: Value.Type, from text: String) -> Value? {
        try? JSONValueDecoder().decode(type, from: text)
    }
}
