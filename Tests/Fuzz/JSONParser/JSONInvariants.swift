// The rules every outcome of `JSONParser` must keep; each broken rule is a fatalError, which libFuzzer
// reports as a crash. Compiled with JSONParserFuzzer.swift by scripts/fuzz.

/// A refusal points inside the input (at its end exactly when the input ended too soon), and the same
/// input is refused the same way again.
func checkRefusal(_ error: JSONSyntaxError, of bytes: [UInt8]) {
    if error.reason == .unexpectedEnd ? error.offset != bytes.count : !(0..<bytes.count).contains(error.offset) {
        fatalError("\(error.reason) at \(error.offset) of \(bytes.count) bytes")
    }
    do {
        _ = try JSONParser.parse(bytes)
        fatalError("read what it refused")
    } catch let again {
        if again != error { fatalError("refused differently the second time") }
    }
}

/// Nothing read is nested deeper than the limit.
func checkDepth(_ value: JSONValue) {
    if depth(of: value) > JSONParser.maximumDepth { fatalError("read a value nested \(depth(of: value)) deep") }
}

/// Written and read back, the value is the same (numbers by their value: the writer writes `2.0` as
/// `2`, read back as an integer); written again, the bytes are the same.
func checkRoundTrip(_ value: JSONValue) {
    let written = value.bytes
    let reread: JSONValue
    do {
        reread = try JSONParser.parse(written)
    } catch {
        fatalError("refused its own writing (\(error)): \(String(decoding: written, as: UTF8.self))")
    }
    if !same(value, reread) { fatalError("read back differently: \(String(decoding: written, as: UTF8.self))") }
    if reread.bytes != written { fatalError("written differently the second time") }
}

/// Inside an array, the document is that array's one element, unless that nests one level too deep.
func checkWrapped(_ value: JSONValue, _ bytes: [UInt8]) {
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    let wrapped = [UInt8(ascii: "[")] + body + [UInt8(ascii: "]")]
    do {
        let outer = try JSONParser.parse(wrapped)
        if depth(of: value) >= JSONParser.maximumDepth { fatalError("read an array nested beyond the limit") }
        guard case .array(let elements) = outer, elements.count == 1, same(elements[0], value) else {
            fatalError("inside an array the document reads differently")
        }
    } catch {
        if error.reason != .tooDeep || depth(of: value) != JSONParser.maximumDepth {
            fatalError("inside an array the document is refused: \(error)")
        }
    }
}

/// How many arrays and objects nest in the value (0 for a scalar).
func depth(of value: JSONValue) -> Int {
    switch value {
    case .array(let elements): return 1 + (elements.map(depth(of:)).max() ?? 0)
    case .object(let members): return 1 + (members.values.map(depth(of:)).max() ?? 0)
    default: return 0
    }
}

/// Equal values, numbers compared by value whether integer or double.
func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a, b) {
    case (.integer(let x), .number(let y)), (.number(let y), .integer(let x)): return Double(x) == y
    case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy(same)
    case (.object(let x), .object(let y)):
        return x.count == y.count && x.allSatisfy { key, member in y[key].map { same(member, $0) } ?? false }
    default: return a == b
    }
}
