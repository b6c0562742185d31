import Foundation

/// Decodes a `Codable` value from a `JSONValue` or from JSON text (read by `JSONParser`, every whole
/// number exactly), without Foundation's JSON: how the queue's messages and jsonb columns are read.
///
/// It reads what `JSONEncoder` wrote and refuses what `JSONDecoder` refused, with the same
/// `DecodingError`s (`keyNotFound`, `valueNotFound`, `typeMismatch`, `dataCorrupted`) and coding paths:
/// a missing member and null both read as nil for an optional; a whole number is read as an integer
/// type only when it fits (`5.0` fits an `Int`, `5.5` does not); a `Date` is, unless `dateDecoding`
/// says otherwise, read as it decodes itself: seconds since 2001-01-01.
public struct JSONValueDecoder: Sendable {
    public enum DateDecoding: Sendable {
        /// As `Date` decodes itself (and `JSONDecoder` by default): seconds since 2001-01-01.
        case deferredToDate
        /// From text, nil when the text is not a moment.
        case text(@Sendable (String) -> Date?)
    }

    public var dateDecoding: DateDecoding

    public init(dateDecoding: DateDecoding = .deferredToDate) {
        self.dateDecoding = dateDecoding
    }

    /// - Throws: `DecodingError` when the value does not fit `type`, or whatever `type`'s own
    ///   `init(from:)` throws.
    public func decode<Value: Decodable>(_ type: Value.Type, from value: JSONValue) throws -> Value {
        try ValueDecoder(value, codingPath: [], dateDecoding: dateDecoding).decode(type)
    }

    /// - Throws: `DecodingError.dataCorrupted` (its underlying error the `JSONSyntaxError`) when the
    ///   text is not JSON, or as `decode(_:from:)` for a value.
    public func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        let value: JSONValue
        do {
            value = try JSONParser.parse(Array(text.utf8), exactIntegers: true)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The given data was not valid JSON.", underlyingError: error))
        }
        return try decode(type, from: value)
    }
}

/// The `Decoder` of one value at a coding path, which is also its single-value container.
struct ValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let dateDecoding: JSONValueDecoder.DateDecoding
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ value: JSONValue, codingPath: [any CodingKey], dateDecoding: JSONValueDecoder.DateDecoding) {
        self.value = value
        self.codingPath = codingPath
        self.dateDecoding = dateDecoding
    }

    func container<Key: CodingKey>(keyedBy _: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw mismatch([String: JSONValue].self) }
        return KeyedDecodingContainer(KeyedDecoder<Key>(members: members, decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw mismatch([JSONValue].self) }
        return UnkeyedDecoder(elements: elements, decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    /// The decoder of a member or an element.
    func nested(_ value: JSONValue, at key: any CodingKey) -> ValueDecoder {
        ValueDecoder(value, codingPath: codingPath + [key], dateDecoding: dateDecoding)
    }

    // MARK: The value itself

    func decodeNil() -> Bool { value == .null }

    func decode(_: Bool.Type) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(Bool.self) }
        return flag
    }

    func decode(_: String.Type) throws -> String {
        guard case .string(let text) = value else { throw mismatch(String.self) }
        return text
    }

    func decode(_: Double.Type) throws -> Double {
        switch value {
        case .integer(let whole): return Double(whole)
        case .number(let number): return number
        default: throw mismatch(Double.self)
        }
    }

    func decode(_: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_: Int.Type) throws -> Int { try integer() }
    func decode(_: Int8.Type) throws -> Int8 { try integer() }
    func decode(_: Int16.Type) throws -> Int16 { try integer() }
    func decode(_: Int32.Type) throws -> Int32 { try integer() }
    func decode(_: Int64.Type) throws -> Int64 { try integer() }
    func decode(_: UInt.Type) throws -> UInt { try integer() }
    func decode(_: UInt8.Type) throws -> UInt8 { try integer() }
    func decode(_: UInt16.Type) throws -> UInt16 { try integer() }
    func decode(_: UInt32.Type) throws -> UInt32 { try integer() }
    func decode(_: UInt64.Type) throws -> UInt64 { try integer() }

    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        if Value.self == String.self { return try decode(String.self) as! Value }
        if Value.self == Date.self, case .text(let parse) = dateDecoding {
            guard let date = parse(try decode(String.self)) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Date string does not match format expected by formatter."))
            }
            return date as! Value
        }
        return try Value(from: self)
    }

    /// A whole number that fits `Integer`, also one written with a zero fraction.
    private func integer<Integer: FixedWidthInteger>() throws -> Integer {
        let fitting: Integer?
        switch value {
        case .integer(let whole): fitting = Integer(exactly: whole)
        case .number(let number): fitting = Integer(exactly: number)
        default: throw mismatch(Integer.self)
        }
        guard let fitting else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Parsed JSON number <\(String(decoding: value.bytes, as: UTF8.self))> does not fit in \(Integer.self)."))
        }
        return fitting
    }

    /// The error for a value of another kind than `type`: `valueNotFound` for null, as `JSONDecoder`.
    func mismatch(_ type: Any.Type) -> DecodingError {
        if value == .null {
            return .valueNotFound(type, .init(codingPath: codingPath, debugDescription: "Cannot get value of type \(type) -- found null value instead"))
        }
        return .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Expected to decode \(type) but found \(value.kind) instead."))
    }
}

struct KeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONValue]
    let decoder: ValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    /// The decoder of the member at `key`.
    /// - Throws: `DecodingError.keyNotFound` when there is none.
    private func member(_ key: any CodingKey) throws -> ValueDecoder {
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath,
                                                       debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return decoder.nested(value, at: key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try member(key).decodeNil() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try member(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try member(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try member(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try member(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try member(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try member(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try member(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try member(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try member(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try member(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try member(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try member(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try member(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try member(key).decode(type) }
    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value { try member(key).decode(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try member(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try member(key).unkeyedContainer() }

    func superDecoder() throws -> any Decoder {
        decoder.nested(members[JSONCodingKey.super.stringValue] ?? .null, at: JSONCodingKey.super)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { decoder.nested(members[key.stringValue] ?? .null, at: key) }
}

struct UnkeyedDecoder: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let decoder: ValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }
    private(set) var currentIndex = 0

    init(elements: [JSONValue], decoder: ValueDecoder) {
        self.elements = elements
        self.decoder = decoder
    }

    /// The decoder of the next element, which is then behind.
    /// - Throws: `DecodingError.valueNotFound` at the end.
    private mutating func next(_ type: Any.Type) throws -> ValueDecoder {
        let key = JSONCodingKey(index: currentIndex)
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [key], debugDescription: "Unkeyed container is at end."))
        }
        currentIndex += 1
        return decoder.nested(elements[currentIndex - 1], at: key)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return try next(Never.self).decodeNil() }
        guard elements[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type).decode(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next(type).decode(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type).decode(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type).decode(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type).decode(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type).decode(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type).decode(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type).decode(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type).decode(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type).decode(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type).decode(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type).decode(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type).decode(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type).decode(type) }
    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try next(type).decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next([String: JSONValue].self).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next([JSONValue].self).unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { try next(JSONValue.self) }
}

extension JSONValue {
    /// What kind of value this is, for an error message.
    var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .integer, .number: return "number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "a dictionary"
        }
    }
}
