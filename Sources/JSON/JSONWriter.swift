/// JSON text written straight into bytes, members in the order they are written: for the large
/// answers (a page of a thousand reports, every desa's boundary), where building a `JSONValue` tree
/// first cost more than the database's read. Strings, numbers and nulls are written as
/// `JSONValue.write` writes them; the caller opens and closes what it opens.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether the next value or key follows another at the same level (and needs a comma).
    private var follows = false

    public init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func openObject() { open(UInt8(ascii: "{")) }
    public mutating func closeObject() { close(UInt8(ascii: "}")) }
    public mutating func openArray() { open(UInt8(ascii: "[")) }
    public mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// A member's name, a literal of the caller's that needs no escape; its value comes next.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: "\":".utf8)
        follows = false
    }

    public mutating func string(_ text: String?) {
        separate()
        if let text { JSONString.append(text, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
        follows = true
    }

    public mutating func integer<Number: BinaryInteger>(_ number: Number) { raw(String(number)) }
    public mutating func number(_ number: Double?) { raw(number.map(JSONValue.text(of:)) ?? "null") }
    public mutating func bool(_ flag: Bool) { raw(flag ? "true" : "false") }
    public mutating func null() { raw("null") }

    /// A value built elsewhere (a small part of the answer).
    public mutating func value(_ value: JSONValue) {
        separate()
        value.write(to: &bytes)
        follows = true
    }

    /// JSON text written before, inserted as one value (kept bytes, such as a boundary's geometry).
    public mutating func json(_ text: [UInt8]) {
        separate()
        bytes.append(contentsOf: text)
        follows = true
    }

    /// `key` then a string, number or null: the common member.
    public mutating func member(_ name: StaticString, _ text: String?) { key(name); string(text) }
    public mutating func member<Number: BinaryInteger>(_ name: StaticString, _ number: Number) { key(name); integer(number) }
    public mutating func member(_ name: StaticString, _ value: Double?) { key(name); number(value) }
    public mutating func member(_ name: StaticString, _ flag: Bool) { key(name); bool(flag) }

    private mutating func raw(_ text: String) {
        separate()
        bytes.append(contentsOf: text.utf8)
        follows = true
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        follows = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        follows = true
    }

    private mutating func separate() {
        if follows { bytes.append(UInt8(ascii: ",")) }
    }
}
