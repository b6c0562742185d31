import Foundation
import Testing
@testable import JSON

/// The parser reads what JSONSerialization (which the hub used before) read, the same way, on a table
/// of valid documents; and refuses what it refused, apart from the two things RFC 8259 forbids that it
/// let through (trailing commas, UTF-16 text).
struct JSONParserAgreementTests {
    static let documents = [
        #"{"category":"pekerjaan-umum","description":"Lampu PJU mati","lat":-6.2,"lon":106.8456,"anonymous":true,"contact":{"name":"Siti","phone":null}}"#,
        #"{"photos":["aGVsbG8=","d29ybGQ="],"confidential":false,"count":3,"page":1}"#,
        #"[0,-0,5,-7,999999999999999,1000000000000000,9223372036854775807,9223372036854775808,-9223372036854775809]"#,
        #"[5.0,2.0,1e2,1E2,1e+2,100e-2,1.5e3,-1e2,0.1,-0.0,0e0,1e-400,1.7976931348623157e308,5e-324,123456789012345678901234567890]"#,
        #"["","a\"b\\c\/d\be\ff\ng\rh\ti","\u00e9\u00E9\u0000\u001f\u2028","\ud83d\ude00","é € 😀","\u007f"]"#,
        "{\"a\":1,\"b\":2,\"a\":3}", "{\"e\u{301}\":1,\"\u{e9}\":2}", " \t\r\n[ 1 , { \"x\" : [ ] } ]\r\n",
        "1", "-2.5", #""text""#, "true", "false", "null", "[]", "{}", "[[[[[[[[[[]]]]]]]]]]",
        "\u{FEFF}{\"bom\":true}",
        #"{"":"","nested":{"deeper":{"deepest":[null,true,false,{"k":"v"}]}}}"#,
    ]

    @Test(arguments: documents)
    func aValidDocumentReadsAsJSONSerializationReadIt(text: String) throws {
        let bytes = Array(text.utf8)
        let foundation = try #require(try Self.foundationReading(bytes))
        #expect(try JSONParser.parse(bytes) == foundation)
    }

    @Test(arguments: [
        "", "{", #"{"a":}"#, "[1 2]", "nul", #"{"a":1}x"#, "01", "1.", ".5", "+1", "-", "1e400", "NaN", #""\x""#, #""\ud800""#,
        #""\udc00""#, #""\ud83d\u0041""#, "\"a\u{1}\"", "\"\t\"", "[1]\u{0}", "\u{A0}[1]", "{1:2}",
    ])
    func whatJSONSerializationRefusedIsRefused(text: String) throws {
        #expect(try Self.foundationReading(Array(text.utf8)) == nil)
        #expect(refusal(text) != nil)
    }

    @Test func invalidUTF8IsRefusedByBoth() throws {
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xC0, 0xAF, 0x22]] {
            #expect(try Self.foundationReading(bytes) == nil && refusal(bytes) != nil)
        }
    }

    @Test func trailingCommasAndUTF16AreRefusedThoughJSONSerializationReadThem() throws {
        for bytes in [Array("[1,]".utf8), Array(#"{"a":1,}"#.utf8), [0xFF, 0xFE, 0x5B, 0x00, 0x31, 0x00, 0x5D, 0x00]] {
            #expect(try Self.foundationReading(bytes) != nil && refusal(bytes) != nil)
        }
    }

    @Test func theNestingLimitIsJSONSerializations() throws {
        #expect(try Self.foundationReading(nestedArrays(512)) != nil && refusal(nestedArrays(512)) == nil)
        #expect(try Self.foundationReading(nestedArrays(513)) == nil && refusal(nestedArrays(513)) != nil)
    }

    /// How the hub read JSON before: JSONSerialization, then booleans told from numbers by their
    /// NSNumber type, and whole numbers under 10^15 written without fraction or exponent as integers.
    static func foundationReading(_ bytes: [UInt8]) throws -> JSONValue? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else { return nil }
        return value(object)
    }

    static func value(_ object: Any) -> JSONValue {
        switch object {
        case let members as [String: Any]: return .object(members.mapValues(value))
        case let elements as [Any]: return .array(elements.map(value))
        case let text as String: return .string(text)
        case is NSNull: return .null
        default:
            let number = object as! NSNumber
            let type = String(cString: number.objCType)
            if type == "c" { return .bool(number.boolValue) }
            let double = number.doubleValue
            if type != "d" && type != "f" && double.rounded() == double && abs(double) < 1e15 { return .integer(Int(double)) }
            return .number(double)
        }
    }
}
