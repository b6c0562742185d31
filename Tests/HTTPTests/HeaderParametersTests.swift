import HTTP
import Testing

struct HeaderParametersTests {
    @Test func readsTokensAndQuotedStrings() throws {
        let header = try #require(HeaderParameters("form-data; name=\"photo\"; filename=\"a \\\"b\\\".jpg\"; size=12"))
        #expect(header.value == "form-data")
        #expect(header.parameters == ["name": "photo", "filename": "a \"b\".jpg", "size": "12"])
    }

    @Test func firstOccurrenceOfAParameterWins() throws {
        #expect(try #require(HeaderParameters("text/plain; charset=utf-8; CHARSET=latin1")).parameters["charset"] == "utf-8")
    }

    @Test func unclosedQuoteOrNamelessParameterIsRefused() {
        #expect(HeaderParameters("form-data; name=\"open") == nil)
        #expect(HeaderParameters("form-data; =value") == nil)
    }
}
