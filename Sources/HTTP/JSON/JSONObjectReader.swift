/// Strict, typed reads of a JSON object's members: a member of the wrong type is refused, never
/// guessed at, with an error that names it. A missing member and JSON null both read as nil.
public struct JSONObjectReader: Sendable {
    public let members: [String: JSONValue]

    public init(_ members: [String: JSONValue]) { self.members = members }

    /// - Throws: `JSONFieldError` when `value` is not an object.
    public init(_ value: JSONValue, field: String) throws(JSONFieldError) {
        guard case .object(let members) = value else { throw JSONFieldError(field: field, expected: "an object") }
        self.members = members
    }

    /// True when the member is absent or null.
    public func isMissing(_ key: String) -> Bool { members[key] == nil || members[key] == .null }

    public func string(_ key: String) throws(JSONFieldError) -> String? {
        switch members[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw JSONFieldError(field: key, expected: "a string")
        }
    }

    public func number(_ key: String) throws(JSONFieldError) -> Double? {
        switch members[key] {
        case nil, .null?: return nil
        case .integer(let number)?: return Double(number)
        case .number(let number)?: return number
        default: throw JSONFieldError(field: key, expected: "a number")
        }
    }

    /// A whole number, also one written with a zero fraction (`5.0`), as `JSONValue.wholeNumber` reads it.
    public func integer(_ key: String) throws(JSONFieldError) -> Int? {
        guard let value = members[key], value != .null else { return nil }
        guard let whole = value.wholeNumber else { throw JSONFieldError(field: key, expected: "a whole number") }
        return whole
    }

    public func bool(_ key: String) throws(JSONFieldError) -> Bool? {
        switch members[key] {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        default: throw JSONFieldError(field: key, expected: "true or false")
        }
    }

    public func object(_ key: String) throws(JSONFieldError) -> JSONObjectReader? {
        switch members[key] {
        case nil, .null?: return nil
        case let value?: return try JSONObjectReader(value, field: key)
        }
    }

    /// A list of strings.
    public func strings(_ key: String) throws(JSONFieldError) -> [String]? {
        switch members[key] {
        case nil, .null?: return nil
        case .array(let elements)?:
            var texts: [String] = []
            for element in elements {
                guard case .string(let text) = element else { throw JSONFieldError(field: key, expected: "a list of strings") }
                texts.append(text)
            }
            return texts
        default: throw JSONFieldError(field: key, expected: "a list of strings")
        }
    }
}

/// A member of a JSON body has the wrong type: 400 `invalid_field`, naming it and what it must be.
public struct JSONFieldError: HTTPResponseError, Equatable {
    public let field: String
    public let expected: String

    public init(field: String, expected: String) {
        self.field = field
        self.expected = expected
    }

    public var status: Int { 400 }
    public var code: String { "invalid_field" }
    public func message(language: String) -> String {
        language == "en" ? "\(field) must be \(expected)" : "\(field) harus berupa \(Self.indonesian(expected))"
    }

    private static func indonesian(_ expected: String) -> String {
        switch expected {
        case "a string": return "teks"
        case "a number": return "angka"
        case "a whole number": return "bilangan bulat"
        case "true or false": return "true atau false"
        case "an object": return "objek"
        case "a list of strings": return "daftar teks"
        default: return expected
        }
    }
}
