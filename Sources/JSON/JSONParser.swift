/// A strict reader of JSON text (RFC 8259) into a `JSONValue`, straight from the bytes, without
/// Foundation: a pure value over a buffer, no sockets, no recursion (nesting is a stack of its own, so a
/// deep document is refused with `tooDeep`, never a stack overflow on a worker's small stack).
///
/// What it keeps of how the hub read JSON before (`JSONSerialization` with `.fragmentsAllowed`):
/// - any value at the top level, not only an object or an array; a leading UTF-8 byte order mark is
///   ignored (RFC 8259 §8.1 allows it);
/// - a number without fraction or exponent and under 10^15 in size is `.integer` (`-0` too, as 0);
///   every other number is `.number(Double)` (`5.0`, `1e2`, `10000000000000000`), one beyond a
///   double's range is refused;
/// - nesting up to 512 arrays and objects;
/// - of duplicate keys in an object, the last one wins (keys equal as Swift strings are the same key).
/// What it refuses that `JSONSerialization` let through: trailing commas (`[1,]`) and UTF-16 or UTF-32
/// text; RFC 8259 allows neither.
public struct JSONParser {
    /// How deeply arrays and objects may nest.
    public static let maximumDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// The bytes of a string with escapes, reused from one string to the next.
    var scratch: [UInt8] = []
    /// Whether every whole number that fits an `Int` is `.integer` (a queue message's 64-bit ids),
    /// not only those under 10^15.
    let exactIntegers: Bool

    init(bytes: UnsafeBufferPointer<UInt8>, exactIntegers: Bool = false) {
        self.bytes = bytes
        self.exactIntegers = exactIntegers
    }

    /// Reads one JSON document.
    /// - Parameter exactIntegers: read every whole number that fits an `Int` as `.integer`, exactly
    ///   (`JSONValueDecoder` does, for ids beyond 2^53); without it a whole number of 16 digits or more
    ///   is a double, as the hub's requests have always read.
    /// - Throws: `JSONSyntaxError` with the reason and the byte offset where the bytes stop being JSON.
    public static func parse(_ bytes: [UInt8], exactIntegers: Bool = false) throws(JSONSyntaxError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { buffer -> Result<JSONValue, JSONSyntaxError> in
            var parser = JSONParser(bytes: buffer, exactIntegers: exactIntegers)
            do throws(JSONSyntaxError) {
                return .success(try parser.document())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    mutating func document() throws(JSONSyntaxError) -> JSONValue {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
        let value = try value()
        skipWhitespace()
        guard index == bytes.count else { throw JSONSyntaxError(.trailingBytes, at: index) }
        return value
    }

    /// An array or object that is open: where its members start on the value and key stacks.
    private struct Container {
        let isObject: Bool
        let valueStart: Int
        let keyStart: Int
    }

    /// Reads one value, containers included, with a loop instead of recursion: the members of every
    /// open container wait on one stack of values (and one of keys) until the container closes.
    mutating func value() throws(JSONSyntaxError) -> JSONValue {
        var open: [Container] = []
        var values: [JSONValue] = []
        var keys: [String] = []
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw JSONSyntaxError(.unexpectedEnd, at: index) }
            var value: JSONValue
            let byte = bytes[index]
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                guard open.count < Self.maximumDepth else { throw JSONSyntaxError(.tooDeep, at: index) }
                let isObject = byte == UInt8(ascii: "{")
                index += 1
                skipWhitespace()
                if index < bytes.count && bytes[index] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1
                    value = isObject ? .object([:]) : .array([])
                } else {
                    open.append(Container(isObject: isObject, valueStart: values.count, keyStart: keys.count))
                    if isObject { keys.append(try key()) }
                    continue
                }
            } else {
                value = try scalar()
            }
            // A value is complete: it is a member of the innermost open container, which then either
            // expects another member or closes, completing a value in turn.
            while true {
                guard let container = open.last else { return value }
                values.append(value)
                skipWhitespace()
                guard index < bytes.count else { throw JSONSyntaxError(.unexpectedEnd, at: index) }
                let next = bytes[index]
                if next == UInt8(ascii: ",") {
                    index += 1
                    if container.isObject { keys.append(try key()) }
                    break
                }
                guard next == (container.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    throw JSONSyntaxError(.unexpectedByte, at: index)
                }
                index += 1
                open.removeLast()
                if container.isObject {
                    var members: [String: JSONValue] = Dictionary(minimumCapacity: values.count - container.valueStart)
                    for offset in 0..<(values.count - container.valueStart) {
                        members[keys[container.keyStart + offset]] = values[container.valueStart + offset]
                    }
                    keys.removeSubrange(container.keyStart...)
                    value = .object(members)
                } else {
                    value = .array(Array(values[container.valueStart...]))
                }
                values.removeSubrange(container.valueStart...)
            }
        }
    }

    /// An object's key and its colon, whitespace around them.
    private mutating func key() throws(JSONSyntaxError) -> String {
        skipWhitespace()
        guard index < bytes.count else { throw JSONSyntaxError(.unexpectedEnd, at: index) }
        guard bytes[index] == UInt8(ascii: "\"") else { throw JSONSyntaxError(.unexpectedByte, at: index) }
        index += 1
        let key = try string()
        skipWhitespace()
        guard index < bytes.count else { throw JSONSyntaxError(.unexpectedEnd, at: index) }
        guard bytes[index] == UInt8(ascii: ":") else { throw JSONSyntaxError(.unexpectedByte, at: index) }
        index += 1
        return key
    }

    /// A string, number, `true`, `false` or `null` at `index`, which is inside the bytes.
    private mutating func scalar() throws(JSONSyntaxError) -> JSONValue {
        switch bytes[index] {
        case UInt8(ascii: "\""):
            index += 1
            return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try number()
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            throw JSONSyntaxError(.unexpectedByte, at: index)
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        for expected in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
            guard index < bytes.count else { throw JSONSyntaxError(.unexpectedEnd, at: index) }
            guard bytes[index] == expected else { throw JSONSyntaxError(.unexpectedByte, at: index) }
            index += 1
        }
    }

    /// Space, tab, line feed and carriage return: RFC 8259's only whitespace.
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }
}
