import Testing
@testable import JSON

struct JSONParserNumbersTests {
    /// Whole numbers under 10^15 are integers, as the hub read them with JSONSerialization; every other
    /// number is a double (`JSONValue.wholeNumber` still reads `5.0` and `1e2` as whole).
    @Test(arguments: [
        ("0", JSONValue.integer(0)), ("-0", .integer(0)), ("5", .integer(5)), ("-7", .integer(-7)),
        ("999999999999999", .integer(999_999_999_999_999)), ("-999999999999999", .integer(-999_999_999_999_999)),
        ("1000000000000000", .number(1e15)), ("-1000000000000000", .number(-1e15)),
        ("9007199254740993", .number(9_007_199_254_740_992)),
        ("9223372036854775807", .number(9.223372036854776e18)), ("9223372036854775808", .number(9.223372036854776e18)),
        ("-9223372036854775809", .number(-9.223372036854776e18)),
        ("123456789012345678901234567890", .number(1.2345678901234568e29)),
        ("5.0", .number(5)), ("2.0", .number(2)), ("1e2", .number(100)), ("1E2", .number(100)), ("1e+2", .number(100)),
        ("100e-2", .number(1)), ("1.5e3", .number(1500)), ("-1e2", .number(-100)), ("0.1", .number(0.1)),
        ("-6.2", .number(-6.2)), ("106.8456", .number(106.8456)), ("0e0", .number(0)), ("1e-400", .number(0)),
        ("1.7976931348623157e308", .number(.greatestFiniteMagnitude)), ("5e-324", .number(.leastNonzeroMagnitude)),
    ])
    func numbersReadAsTheyAlwaysHave(text: String, expected: JSONValue) throws {
        #expect(try parsed(text) == expected)
        #expect(try parsed("[\(text)]") == [expected], "inside an array")
    }

    /// For `JSONValueDecoder`: a queue message's 64-bit id beyond 2^53 is read exactly.
    @Test(arguments: [
        ("1000000000000000", JSONValue.integer(1_000_000_000_000_000)), ("9007199254740993", .integer(9_007_199_254_740_993)),
        ("9223372036854775807", .integer(.max)), ("-9223372036854775808", .integer(.min)),
        ("9223372036854775808", .number(9.223372036854776e18)), ("5.0", .number(5)), ("1e2", .number(100)),
    ])
    func exactIntegersReadEveryWholeNumberThatFitsAnInt(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(Array(text.utf8), exactIntegers: true) == expected)
        #expect(try JSONParser.parse(Array("[\(text)]".utf8), exactIntegers: true) == [expected], "inside an array")
    }

    @Test func minusZeroWithAFractionKeepsItsSign() throws {
        guard case .number(let zero) = try parsed("-0.0") else { Issue.record("not a double"); return }
        #expect(zero == 0 && zero.sign == .minus)
    }

    @Test(arguments: [
        ("01", JSONSyntaxError.Reason.invalidNumber, 1), ("-01", .invalidNumber, 2), ("00", .invalidNumber, 1),
        ("-", .unexpectedEnd, 1), ("-a", .invalidNumber, 1), ("--1", .invalidNumber, 1), ("- 1", .invalidNumber, 1),
        ("1.", .unexpectedEnd, 2), ("1.e3", .invalidNumber, 2), ("1.x", .invalidNumber, 2), ("1e", .unexpectedEnd, 2),
        ("1e+", .unexpectedEnd, 3), ("1ex", .invalidNumber, 2), ("1e+-1", .invalidNumber, 3), ("[1.]", .invalidNumber, 3),
        (".5", .unexpectedByte, 0), ("+1", .unexpectedByte, 0), ("1x", .trailingBytes, 1), ("0x10", .trailingBytes, 1),
        ("1e400", .numberOutOfRange, 0), ("[0,-1e400]", .numberOutOfRange, 3), ("NaN", .unexpectedByte, 0),
        ("Infinity", .unexpectedByte, 0), ("-Infinity", .invalidNumber, 1),
    ])
    func aNumberOutsideTheGrammarOrADoublesRangeIsRefused(text: String, reason: JSONSyntaxError.Reason, offset: Int) {
        #expect(refusal(text) == JSONSyntaxError(reason, at: offset))
    }

    @Test func aVeryLongNumberIsReadAsADoubleOrRefusedBeyondItsRange() throws {
        #expect(refusal(String(repeating: "1", count: 400)) == JSONSyntaxError(.numberOutOfRange, at: 0))
        #expect(try parsed("0." + String(repeating: "0", count: 5000) + "1") == .number(0))
        #expect(try parsed(String(repeating: "9", count: 300)) == .number(1e300))
    }
}
