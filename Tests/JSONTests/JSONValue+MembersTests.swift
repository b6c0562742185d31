import JSON
import Testing

struct JSONValueMembersTests {
    @Test func aWholeNumberMayBeWrittenWithAZeroFractionButNotBeABooleanOrAFraction() throws {
        #expect(try JSONValue.parse(Array("5".utf8)).wholeNumber == 5)
        #expect(try JSONValue.parse(Array("5.0".utf8)).wholeNumber == 5)
        #expect(try JSONValue.parse(Array("1e3".utf8)).wholeNumber == 1000)
        #expect(try JSONValue.parse(Array("2.5".utf8)).wholeNumber == nil)
        #expect(try JSONValue.parse(Array("true".utf8)).wholeNumber == nil)
        #expect(try JSONValue.parse(Array(#""5""#.utf8)).wholeNumber == nil)
    }

    @Test func onlyAStringHasAStringValue() {
        #expect(JSONValue.string("a").stringValue == "a")
        #expect(JSONValue.integer(1).stringValue == nil && JSONValue.null.stringValue == nil)
    }
}
