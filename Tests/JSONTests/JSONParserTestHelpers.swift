@testable import JSON

/// What the parser reads from `text`'s UTF-8.
func parsed(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    try JSONParser.parse(Array(text.utf8))
}

/// Why the parser refuses `bytes`, or nil when it reads them.
func refusal(_ bytes: [UInt8]) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(bytes)
        return nil
    } catch {
        return error
    }
}

func refusal(_ text: String) -> JSONSyntaxError? { refusal(Array(text.utf8)) }

/// `depth` arrays, each holding the next, the innermost one empty.
func nestedArrays(_ depth: Int) -> [UInt8] {
    Array(repeating: UInt8(ascii: "["), count: depth) + Array(repeating: UInt8(ascii: "]"), count: depth)
}
