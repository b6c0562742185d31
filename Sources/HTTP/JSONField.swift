import Foundation

/// Strict reads of values from `JSONSerialization`, which on Linux hands back `NSNumber` for both
/// numbers and booleans (so `1 as? Bool` succeeds). These tell them apart by the number's type.
public enum JSONField {
    /// True for JSON `true`/`false`, false for numbers and everything else.
    public static func isBoolean(_ value: Any) -> Bool {
        if type(of: value) == Bool.self { return true }  // a Swift Bool put in by our own code
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    /// The value as a JSON boolean, or nil.
    public static func bool(_ value: Any?) -> Bool? {
        guard let value, isBoolean(value) else { return nil }
        if let flag = value as? Bool, type(of: value) == Bool.self { return flag }
        return (value as? NSNumber)?.boolValue
    }

    /// The value as a JSON number (not a boolean), or nil.
    public static func number(_ value: Any?) -> Double? {
        guard let value, !isBoolean(value), let number = value as? NSNumber else { return nil }
        return number.doubleValue
    }

    /// The value as a whole JSON number (not a boolean, not 1.5), or nil.
    public static func integer(_ value: Any?) -> Int? {
        guard let number = number(value), number.rounded() == number, abs(number) < 1e15 else { return nil }
        return Int(number)
    }

    /// True when the member is absent or JSON null.
    public static func isMissing(_ value: Any?) -> Bool {
        value == nil || value is NSNull
    }
}
