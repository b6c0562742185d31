/// Strings: UTF-8 checked byte by byte (no overlong forms, no encoded surrogates, nothing past
/// U+10FFFF), control characters refused, every escape of RFC 8259 read, `\u` surrogate pairs joined
/// and a lone half refused.
extension JSONParser {
    /// The string whose opening quote is just before `index`; `index` ends after its closing quote.
    mutating func string() throws(JSONSyntaxError) -> String {
        let start = index
        // Most strings have no escape: their bytes are the string's.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            try skipCharacter(byte)
        }
        guard index < bytes.count else { throw JSONSyntaxError(.unexpectedEnd, at: index) }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try escape()
            } else {
                let from = index
                try skipCharacter(byte)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<index]))
            }
        }
        throw JSONSyntaxError(.unexpectedEnd, at: index)
    }

    /// Steps over one unescaped character that starts with `byte` (at `index`).
    private mutating func skipCharacter(_ byte: UInt8) throws(JSONSyntaxError) {
        if byte < 0x20 { throw JSONSyntaxError(.controlCharacter, at: index) }
        if byte < 0x80 {
            index += 1
            return
        }
        // The well-formed sequences of the Unicode standard (table 3-7): the lead byte gives the length
        // and the range of the second byte, which shuts out overlong forms, surrogates and > U+10FFFF.
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch byte {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw JSONSyntaxError(.invalidUTF8, at: index)
        }
        for position in 1..<length {
            guard index + position < bytes.count else { throw JSONSyntaxError(.invalidUTF8, at: index) }
            let continuation = bytes[index + position]
            guard position == 1 ? (low...high).contains(continuation) : (0x80...0xBF).contains(continuation) else {
                throw JSONSyntaxError(.invalidUTF8, at: index)
            }
        }
        index += length
    }

    /// Appends what the escape at `index` (a backslash) stands for to `scratch`.
    private mutating func escape() throws(JSONSyntaxError) {
        let start = index
        index += 1
        guard index < bytes.count else { throw JSONSyntaxError(.unexpectedEnd, at: index) }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(letter)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad()
            if (0xDC00...0xDFFF).contains(scalar) { throw JSONSyntaxError(.loneSurrogate, at: start) }
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count && bytes[index] == UInt8(ascii: "\\") && bytes[index + 1] == UInt8(ascii: "u")
                else { throw JSONSyntaxError(.loneSurrogate, at: start) }
                index += 2
                let second = try hexQuad()
                guard (0xDC00...0xDFFF).contains(second) else { throw JSONSyntaxError(.loneSurrogate, at: start) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (second - 0xDC00)
            }
            appendUTF8(scalar)
        default:
            throw JSONSyntaxError(.invalidEscape, at: start)
        }
    }

    /// The four hex digits of a `\u` escape.
    private mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw JSONSyntaxError(.unexpectedEnd, at: index) }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONSyntaxError(.invalidEscape, at: index)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Appends a scalar (never a surrogate) as UTF-8.
    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
