import Foundation
import Postgres

/// JSON text for jsonb parameters, built by the serializer rather than by hand.
enum JSONText {
    static func encode(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A typed value (an event's details, an audit snapshot), moments written as PostgreSQL writes
    /// them (`PostgresTimestamp.format`, UTC with microseconds).
    static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(PostgresTimestamp.format(date))
        }
        // The values encoded here are text, numbers, booleans and moments: encoding cannot fail.
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
