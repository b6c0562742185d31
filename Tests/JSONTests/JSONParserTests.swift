import Testing
@testable import JSON

struct JSONParserTests {
    @Test func readsObjectsArraysAndEveryScalar() throws {
        let value = try parsed(#"{"case":{"codes":["7QK2",""],"open":true,"closed":false,"note":null,"n":3,"lat":-6.2}}"#)
        #expect(value == ["case": ["codes": ["7QK2", ""], "open": true, "closed": false, "note": nil, "n": 3, "lat": -6.2]])
    }

    @Test func emptyContainersAreRead() throws {
        #expect(try parsed("[]") == .array([]) && parsed("{}") == .object([:]))
        #expect(try parsed(#"[[],{},[{}]]"#) == [[], [:], [[:]]])
    }

    @Test func whitespaceIsSpaceTabLineFeedAndCarriageReturnAroundEveryToken() throws {
        #expect(try parsed(" \t\r\n{ \"a\" \n:\t[ 1 ,\r2 ] , \"b\":null }\n ") == ["a": [1, 2], "b": nil])
    }

    @Test(arguments: [("1", JSONValue.integer(1)), (#""a""#, .string("a")), ("true", .bool(true)), ("false", .bool(false)),
                      ("null", .null), (" 2.5 ", .number(2.5))])
    func anyValueMayStandAtTheTop(text: String, expected: JSONValue) throws {
        #expect(try parsed(text) == expected)
    }

    @Test func aLeadingUTF8ByteOrderMarkIsIgnored() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
        #expect(refusal([0xEF, 0xBB, 0xBF]) == JSONSyntaxError(.unexpectedEnd, at: 3))
        #expect(refusal([0xEF, 0xBB]) == JSONSyntaxError(.unexpectedByte, at: 0))
    }

    @Test func ofDuplicateKeysTheLastWins() throws {
        #expect(try parsed(#"{"a":1,"b":2,"a":[3]}"#) == ["a": [3], "b": 2])
        // Keys equal as Swift strings (é composed and decomposed) are one key.
        #expect(try parsed("{\"e\u{301}\":1,\"\u{e9}\":2}") == ["\u{e9}": 2])
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        var value = try JSONParser.parse(nestedArrays(JSONParser.maximumDepth))
        var depth = 0
        while case .array(let elements) = value, let inner = elements.first {
            value = inner
            depth += 1
        }
        #expect(depth == JSONParser.maximumDepth - 1 && value == .array([]))
        #expect(try JSONParser.parse(Array(String(repeating: #"{"a":"#, count: 512).utf8) + [UInt8(ascii: "1")]
                                     + Array(repeating: UInt8(ascii: "}"), count: 512)) != .null)
    }

    @Test func nestingBeyondTheLimitIsRefusedWhereItGoesTooDeep() {
        #expect(refusal(nestedArrays(JSONParser.maximumDepth + 1)) == JSONSyntaxError(.tooDeep, at: 512))
        #expect(refusal(Array(String(repeating: #"{"a":["#, count: 300).utf8)) == JSONSyntaxError(.tooDeep, at: 1536))
    }

    @Test(arguments: [
        ("", JSONSyntaxError.Reason.unexpectedEnd, 0), (" \n ", .unexpectedEnd, 3), ("{", .unexpectedEnd, 1), ("[1,", .unexpectedEnd, 3),
        (#"{"a""#, .unexpectedEnd, 4), (#"{"a":"#, .unexpectedEnd, 5), (#"{"a":1"#, .unexpectedEnd, 6), (#"{"a":}"#, .unexpectedByte, 5),
        ("[1 2]", .unexpectedByte, 3), ("[1}", .unexpectedByte, 2), (#"{"a":1]"#, .unexpectedByte, 6), ("[1,]", .unexpectedByte, 3),
        (#"{"a":1,}"#, .unexpectedByte, 7), ("[,1]", .unexpectedByte, 1), ("{1:2}", .unexpectedByte, 1), (#"{"a" 1}"#, .unexpectedByte, 5),
        (#"{"a",1}"#, .unexpectedByte, 4), ("{'a':1}", .unexpectedByte, 1), ("nul", .unexpectedEnd, 3), ("nulx", .unexpectedByte, 3),
        ("True", .unexpectedByte, 0), ("tru e", .unexpectedByte, 3), ("undefined", .unexpectedByte, 0), (#"{"a":1}x"#, .trailingBytes, 7),
        ("[1][2]", .trailingBytes, 3), ("1 2", .trailingBytes, 2), ("[1]\u{0}", .trailingBytes, 3), ("[1]\u{C}", .trailingBytes, 3),
        ("\u{A0}[1]", .unexpectedByte, 0), ("[1]/*c*/", .trailingBytes, 3),
    ])
    func textThatIsNotOneJSONValueIsRefusedWhereItStops(text: String, reason: JSONSyntaxError.Reason, offset: Int) {
        #expect(refusal(text) == JSONSyntaxError(reason, at: offset))
    }

    @Test func aHugelyDeepDocumentIsRefusedWithoutExhaustingTheStack() {
        #expect(refusal(nestedArrays(1_000_000))?.reason == .tooDeep)
        #expect(refusal(Array(repeating: UInt8(ascii: "["), count: 1_000_000))?.reason == .tooDeep)
    }
}
