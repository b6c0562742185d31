import Foundation

extension JSONValue {
    /// Reads JSON text.
    /// - Throws: `JSONSyntaxError` when the bytes are not one JSON value.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw JSONSyntaxError()
        }
        return JSONValue(foundation: object)
    }

    /// The tree of what `JSONSerialization` read, telling booleans from numbers (on Linux both are
    /// `NSNumber`) and whole numbers from fractions.
    init(foundation value: Any) {
        switch value {
        case let object as [String: Any]: self = .object(object.mapValues(JSONValue.init(foundation:)))
        case let array as [Any]: self = .array(array.map(JSONValue.init(foundation:)))
        case let text as String: self = .string(text)
        case is NSNull: self = .null
        default:
            if let flag = JSONField.bool(value) {
                self = .bool(flag)
            } else if let whole = JSONField.integer(value), !JSONValue.isFraction(value) {
                self = .integer(whole)
            } else {
                self = JSONField.number(value).map(JSONValue.number) ?? .null
            }
        }
    }

    /// True for a number JSON wrote with a fraction or exponent that `JSONSerialization` kept as a double.
    private static func isFraction(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        let type = String(cString: number.objCType)
        return type == "d" || type == "f"
    }
}

/// The bytes are not JSON.
public struct JSONSyntaxError: Error, Equatable {}
