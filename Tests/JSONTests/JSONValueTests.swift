import Foundation
import Testing
@testable import JSON

struct JSONValueTests {
    func text(_ value: JSONValue) -> String { String(decoding: value.bytes, as: UTF8.self) }

    @Test func objectsAreWrittenWithSortedKeysAndNoWhitespace() {
        let value: JSONValue = ["status": "received", "count": 2, "anonymous": true, "lat": nil]
        #expect(text(value) == #"{"anonymous":true,"count":2,"lat":null,"status":"received"}"#)
    }

    @Test(arguments: [
        (JSONValue.number(12), "12"), (.number(-0.5), "-0.5"), (.number(106.8456), "106.8456"),
        (.number(.nan), "null"), (.number(.infinity), "null"), (.integer(-7), "-7"), (.number(1e20), "1e+20"),
    ])
    func numbersAreWrittenAsJSONAllowsThem(value: JSONValue, expected: String) {
        #expect(text(value) == expected)
    }

    @Test func stringsAreEscapedSafelyForAScriptToo() {
        #expect(text(.string("a\"b\\c\n\u{1}\u{2028}/é")) == #""a\"b\\c\n\u0001\u2028/é""#)
    }

    @Test func whatIsWrittenReadsBackTheSame() throws {
        let value: JSONValue = ["cases": [["code": "7QK2M9XW4HNPA", "lat": -6.2, "n": 3]], "empty": [], "none": nil, "yes": false]
        #expect(try JSONValue.parse(value.bytes) == value)
    }

    @Test func readingTellsBooleansWholeNumbersAndFractionsApart() throws {
        let value = try JSONValue.parse(Array(#"{"a": true, "b": 1, "c": 1.5, "d": 0, "e": false, "f": 2.0}"#.utf8))
        #expect(value["a"] == .bool(true))
        #expect(value["b"] == .integer(1))
        #expect(value["c"] == .number(1.5))
        #expect(value["d"] == .integer(0))
        #expect(value["e"] == .bool(false))
        #expect(value["f"] == .number(2))
    }

    @Test(arguments: ["", "{", "{\"a\":}", "[1 2]", "nul", "{\"a\":1}x"])
    func textThatIsNotJSONIsRefused(text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Array(text.utf8)) }
    }

    @Test func representableValuesTurnIntoTheirJSON() {
        let missing: String? = nil
        #expect(JSONValue(missing) == .null)
        #expect(JSONValue(Optional("x")) == .string("x"))
        #expect(["a": [1, 2]].json == .object(["a": .array([.integer(1), .integer(2)])]))
        #expect(Int64(5).json == .integer(5))
    }
}
