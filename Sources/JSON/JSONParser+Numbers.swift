/// Numbers by RFC 8259's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
extension JSONParser {
    /// Whole numbers below this size are `.integer`, as the hub read them before (and as
    /// `JSONValue.wholeNumber` reads a double): every one of them is exact as a double too.
    static let integerDigits = 15

    /// The number at `index` (a minus sign or a digit).
    mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < bytes.count else { throw JSONSyntaxError(.unexpectedEnd, at: index) }
        var magnitude = 0
        var digitCount = 0
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            digitCount = 1
            if index < bytes.count && isDigit(bytes[index]) { throw JSONSyntaxError(.invalidNumber, at: index) }
        } else {
            guard isDigit(bytes[index]) else { throw JSONSyntaxError(.invalidNumber, at: index) }
            while index < bytes.count && isDigit(bytes[index]) {
                if digitCount < Self.integerDigits { magnitude = magnitude * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
                digitCount += 1
                index += 1
            }
        }
        var isWhole = true
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            isWhole = false
            index += 1
            try digits()
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            isWhole = false
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            try digits()
        }
        if isWhole && digitCount <= Self.integerDigits { return .integer(negative ? -magnitude : magnitude) }
        // The standard library's conversion rounds correctly; the text is known to be a plain decimal.
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isWhole && exactIntegers, let whole = Int(text) { return .integer(whole) }
        guard let number = Double(text), number.isFinite else { throw JSONSyntaxError(.numberOutOfRange, at: start) }
        return .number(number)
    }

    /// One or more digits (of a fraction or an exponent).
    private mutating func digits() throws(JSONSyntaxError) {
        guard index < bytes.count else { throw JSONSyntaxError(.unexpectedEnd, at: index) }
        guard isDigit(bytes[index]) else { throw JSONSyntaxError(.invalidNumber, at: index) }
        while index < bytes.count && isDigit(bytes[index]) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
