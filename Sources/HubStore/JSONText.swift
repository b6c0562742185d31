import Foundation

/// JSON text for jsonb parameters, built by the serializer rather than by hand.
enum JSONText {
    static func encode(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
