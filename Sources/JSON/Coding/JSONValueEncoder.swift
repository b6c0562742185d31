import Foundation

/// Encodes a `Codable` value as a `JSONValue`, and so as the hub's own JSON text (`JSONValue.bytes`:
/// keys sorted by their bytes, no whitespace), without Foundation's JSON: what the queue's messages,
/// an event's details and an audit snapshot are written with.
///
/// What it writes as `JSONEncoder` did: a nil optional of `encodeIfPresent` (every synthesized
/// `Codable`) leaves its key out, `encodeNil` writes null; an enum with a raw value writes the raw
/// value; whole numbers are written exactly (64-bit ids too); a `Date` is, unless `dateEncoding` says
/// otherwise, what it encodes itself as: seconds since 2001-01-01 as a number.
public struct JSONValueEncoder: Sendable {
    public enum DateEncoding: Sendable {
        /// As `Date` encodes itself (and `JSONEncoder` by default): seconds since 2001-01-01.
        case deferredToDate
        /// As the text the function makes of it.
        case text(@Sendable (Date) -> String)
    }

    public var dateEncoding: DateEncoding

    public init(dateEncoding: DateEncoding = .deferredToDate) {
        self.dateEncoding = dateEncoding
    }

    /// - Throws: `EncodingError.invalidValue` for a number JSON cannot hold (NaN, infinity), or
    ///   whatever the value's own `encode(to:)` throws.
    public func encode<Value: Encodable>(_ value: Value) throws -> JSONValue {
        try EncodedValue.of(value, at: [], dateEncoding: dateEncoding).json
    }

    /// The value as JSON text.
    public func text<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try encode(value).bytes, as: UTF8.self)
    }
}

/// What one encoder (the value itself or a container's member) has encoded so far: a value, or the
/// members of an object or array that nested containers still add to.
final class EncodedValue {
    var single: JSONValue?
    var members: [String: EncodedValue]?
    var elements: [EncodedValue]?

    init() {}

    init(_ value: JSONValue) { single = value }

    var json: JSONValue {
        if let members { return .object(members.mapValues(\.json)) }
        if let elements { return .array(elements.map(\.json)) }
        // A value that encoded nothing, as `JSONEncoder` writes it nested: an empty object.
        return single ?? .object([:])
    }

    /// `value` encoded, where `path` says.
    static func of<Value: Encodable>(_ value: Value, at path: [any CodingKey],
                                     dateEncoding: JSONValueEncoder.DateEncoding) throws -> EncodedValue {
        if Value.self == String.self { return EncodedValue(.string(value as! String)) }
        if Value.self == Date.self, case .text(let format) = dateEncoding { return EncodedValue(.string(format(value as! Date))) }
        let encoded = EncodedValue()
        try value.encode(to: ValueEncoder(encoded, codingPath: path, dateEncoding: dateEncoding))
        return encoded
    }

    static func number(_ number: Double, at path: [any CodingKey]) throws -> JSONValue {
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: path, debugDescription: "Unable to encode \(number) directly in JSON."))
        }
        return .number(number)
    }

    static func integer<Integer: BinaryInteger>(_ integer: Integer) -> JSONValue {
        if let whole = Int(exactly: integer) { return .integer(whole) }
        return .number(Double(integer))
    }
}

/// The `Encoder` a value encodes itself to: one container, or several keyed ones sharing the object.
struct ValueEncoder: Encoder {
    let encoded: EncodedValue
    let codingPath: [any CodingKey]
    let dateEncoding: JSONValueEncoder.DateEncoding
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ encoded: EncodedValue, codingPath: [any CodingKey], dateEncoding: JSONValueEncoder.DateEncoding) {
        self.encoded = encoded
        self.codingPath = codingPath
        self.dateEncoding = dateEncoding
    }

    func container<Key: CodingKey>(keyedBy _: Key.Type) -> KeyedEncodingContainer<Key> {
        if encoded.members == nil { encoded.members = [:] }
        return KeyedEncodingContainer(KeyedEncoder<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if encoded.elements == nil { encoded.elements = [] }
        return UnkeyedEncoder(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueEncoder(encoder: self) }

    /// The encoder of a member at `key`, whose value `encoded` holds.
    func nested(_ encoded: EncodedValue, at key: any CodingKey) -> ValueEncoder {
        ValueEncoder(encoded, codingPath: codingPath + [key], dateEncoding: dateEncoding)
    }
}

struct KeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ value: JSONValue, _ key: Key) { encoder.encoded.members![key.stringValue] = EncodedValue(value) }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(try EncodedValue.number(value, at: codingPath + [key]), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(try EncodedValue.number(Double(value), at: codingPath + [key]), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(EncodedValue.integer(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(EncodedValue.integer(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(EncodedValue.integer(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(EncodedValue.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(EncodedValue.integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(EncodedValue.integer(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(EncodedValue.integer(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(EncodedValue.integer(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(EncodedValue.integer(value), key) }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        encoder.encoded.members![key.stringValue] = try EncodedValue.of(value, at: codingPath + [key], dateEncoding: encoder.dateEncoding)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy _: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.nested(member(key), at: key).container(keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.nested(member(key), at: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder.nested(member(JSONCodingKey.super), at: JSONCodingKey.super) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder.nested(member(key), at: key) }

    /// The member at `key`, made empty when there is none yet.
    private func member(_ key: any CodingKey) -> EncodedValue {
        if let existing = encoder.encoded.members![key.stringValue] { return existing }
        let member = EncodedValue()
        encoder.encoded.members![key.stringValue] = member
        return member
    }
}

struct UnkeyedEncoder: UnkeyedEncodingContainer, PrimitiveEncoding {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { encoder.encoded.elements!.count }

    func put(_ value: JSONValue) { encoder.encoded.elements!.append(EncodedValue(value)) }
    var valuePath: [any CodingKey] { codingPath + [nextKey] }
    private var nextKey: JSONCodingKey { JSONCodingKey(index: count) }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        let element = try EncodedValue.of(value, at: codingPath + [nextKey], dateEncoding: encoder.dateEncoding)
        encoder.encoded.elements!.append(element)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy _: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        nextEncoder().container(keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { nextEncoder().unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { nextEncoder() }

    /// The encoder of a new element at the end.
    private func nextEncoder() -> ValueEncoder {
        let key = nextKey
        let element = EncodedValue()
        encoder.encoded.elements!.append(element)
        return encoder.nested(element, at: key)
    }
}

struct SingleValueEncoder: SingleValueEncodingContainer, PrimitiveEncoding {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    func put(_ value: JSONValue) { encoder.encoded.single = value }
    var valuePath: [any CodingKey] { codingPath }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        let encoded = try EncodedValue.of(value, at: codingPath, dateEncoding: encoder.dateEncoding)
        encoder.encoded.single = encoded.json
    }
}

/// The encoding of the standard library's values, for a container that puts one value where it stands
/// (the next element of an array, or the value itself).
protocol PrimitiveEncoding {
    func put(_ value: JSONValue)
    /// Where the value goes, for an error.
    var valuePath: [any CodingKey] { get }
}

extension PrimitiveEncoding {
    func encodeNil() throws { put(.null) }
    func encode(_ value: Bool) throws { put(.bool(value)) }
    func encode(_ value: String) throws { put(.string(value)) }
    func encode(_ value: Double) throws { put(try EncodedValue.number(value, at: valuePath)) }
    func encode(_ value: Float) throws { put(try EncodedValue.number(Double(value), at: valuePath)) }
    func encode(_ value: Int) throws { put(.integer(value)) }
    func encode(_ value: Int8) throws { put(EncodedValue.integer(value)) }
    func encode(_ value: Int16) throws { put(EncodedValue.integer(value)) }
    func encode(_ value: Int32) throws { put(EncodedValue.integer(value)) }
    func encode(_ value: Int64) throws { put(EncodedValue.integer(value)) }
    func encode(_ value: UInt) throws { put(EncodedValue.integer(value)) }
    func encode(_ value: UInt8) throws { put(EncodedValue.integer(value)) }
    func encode(_ value: UInt16) throws { put(EncodedValue.integer(value)) }
    func encode(_ value: UInt32) throws { put(EncodedValue.integer(value)) }
    func encode(_ value: UInt64) throws { put(EncodedValue.integer(value)) }
}

/// A key of an array's element (`Index 3`) or of a superclass's members (`super`) in a coding path.
struct JSONCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }

    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }

    static let `super` = JSONCodingKey(stringValue: "super")
}
