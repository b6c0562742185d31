/// Writes the plain values handlers give `HTTPResponse.json(_:)` (dictionaries and arrays of
/// strings, integers, booleans and more of the same) byte for byte as Foundation's
/// `JSONSerialization` does with `[.sortedKeys, .withoutEscapingSlashes]`, without its bridging,
/// which costs more than a small request. Anything else (other numbers, `NSNumber`, `NSNull`,
/// dates, optionals, keys outside `[a-z_]`) is left to Foundation: `bytes(_:)` answers nil.
enum JSONObjectWriter {
    /// The JSON text of a dictionary or array, or nil when Foundation must write it.
    static func bytes(_ object: Any) -> [UInt8]? {
        // Foundation refuses a top-level value that is neither an object nor an array.
        guard object is any JSONWritableObject || object is any JSONWritableArray else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(64)
        return append(object, to: &out) ? out : nil
    }

    fileprivate static func append(_ value: Any, to out: inout [UInt8]) -> Bool {
        let type = type(of: value)
        if type == String.self {
            appendString(value as! String, to: &out)
        } else if type == Int.self {
            out.append(contentsOf: String(value as! Int).utf8)
        } else if type == Bool.self {
            out.append(contentsOf: (value as! Bool ? "true" : "false").utf8)
        } else if let object = value as? any JSONWritableObject {
            return object.appendJSON(to: &out)
        } else if let array = value as? any JSONWritableArray {
            return array.appendJSON(to: &out)
        } else {
            return false
        }
        return true
    }

    fileprivate static func appendObject<Value>(_ object: [String: Value], to out: inout [UInt8]) -> Bool {
        // Foundation sorts keys with a locale-aware, case-insensitive, numeric comparison; for keys of
        // lower-case letters and underscores that order is plain byte order (JSONObjectWriterTests
        // compares the two), so other keys go to Foundation.
        for key in object.keys where !isPlainKey(key) { return false }
        out.append(UInt8(ascii: "{"))
        var first = true
        for key in object.keys.sorted() {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            guard append(object[key]!, to: &out) else { return false }
        }
        out.append(UInt8(ascii: "}"))
        return true
    }

    fileprivate static func appendArray<Element>(_ array: [Element], to out: inout [UInt8]) -> Bool {
        out.append(UInt8(ascii: "["))
        for (index, element) in array.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            guard append(element, to: &out) else { return false }
        }
        out.append(UInt8(ascii: "]"))
        return true
    }

    private static func isPlainKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || $0 == UInt8(ascii: "_") }
    }

    /// Foundation's escapes: quote, backslash, \b \f \n \r \t and `\u00XX` for other controls;
    /// everything else (DEL, U+2028, `/`) as it is.
    private static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var plainStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<index]))
                plainStart = index + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: "u00".utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// Swift dictionaries with string keys, whatever their values (each value is checked as it is written).
private protocol JSONWritableObject {
    func appendJSON(to out: inout [UInt8]) -> Bool
}

/// Swift arrays, whatever their elements.
private protocol JSONWritableArray {
    func appendJSON(to out: inout [UInt8]) -> Bool
}

extension Dictionary: JSONWritableObject where Key == String {
    fileprivate func appendJSON(to out: inout [UInt8]) -> Bool { JSONObjectWriter.appendObject(self, to: &out) }
}

extension Array: JSONWritableArray {
    fileprivate func appendJSON(to out: inout [UInt8]) -> Bool { JSONObjectWriter.appendArray(self, to: &out) }
}
