import HTTP
import Testing

@Suite struct RequestTargetTests {
    @Test func percentDecodesSegments() throws {
        let (segments, query) = try RequestTarget.parse("/laporan/Jalan%20Sudirman/caf%C3%A9")
        #expect(segments == ["laporan", "Jalan Sudirman", "café"])
        #expect(query == nil)
    }

    @Test func keepsPlusLiteralInPaths() throws {
        #expect(try RequestTarget.parse("/a+b").segments == ["a+b"])
    }

    @Test func dropsEmptyAndDotSegments() throws {
        #expect(try RequestTarget.parse("//a///./b/.").segments == ["a", "b"])
        #expect(try RequestTarget.parse("/").segments == [])
    }

    @Test func dotDotRemovesThePreviousSegment() throws {
        #expect(try RequestTarget.parse("/a/b/../c").segments == ["a", "c"])
        #expect(try RequestTarget.parse("/a/b/../../c").segments == ["c"])
        #expect(try RequestTarget.parse("/a/..").segments == [])
    }

    @Test func encodedDotsAreNormalisedToo() throws {
        #expect(try RequestTarget.parse("/a/%2e%2E/b/%2E").segments == ["b"])
    }

    @Test(arguments: ["/..", "/../a", "/a/../..", "/a/../../b", "/%2e%2e", "/a/%2E%2E/%2e%2e/etc"])
    func rejectsDotDotAboveTheRoot(target: String) {
        let error = #expect(throws: HTTPParseError.self) { try RequestTarget.parse(target) }
        #expect(error?.status == 400)
    }

    @Test(arguments: ["/a%2Fb", "/a%2fb/c", "/files/..%2F..%2Fetc"])
    func rejectsEncodedSlashInASegment(target: String) {
        let error = #expect(throws: HTTPParseError.self) { try RequestTarget.parse(target) }
        #expect(error?.status == 400)
    }

    @Test(arguments: ["/a%", "/a%4", "/a%zz", "/a%g0", "/%%41", "/a%C3"])
    func rejectsBadEscapes(target: String) {
        let error = #expect(throws: HTTPParseError.self) { try RequestTarget.parse(target) }
        #expect(error?.status == 400)
    }

    @Test(arguments: ["/a%ff", "/%C3%28", "/%ED%A0%80"])
    func rejectsEscapesThatAreNotUTF8(target: String) {
        let error = #expect(throws: HTTPParseError.self) { try RequestTarget.parse(target) }
        #expect(error?.status == 400)
    }

    @Test(arguments: ["/a%00", "/a%00b/c", "/%00"])
    func rejectsNUL(target: String) {
        let error = #expect(throws: HTTPParseError.self) { try RequestTarget.parse(target) }
        #expect(error?.status == 400)
    }

    @Test func rejectsTargetsNotStartingWithSlash() {
        let error = #expect(throws: HTTPParseError.self) { try RequestTarget.parse("a/b") }
        #expect(error?.status == 400)
    }

    @Test func splitsTheQueryOffRaw() throws {
        let (segments, query) = try RequestTarget.parse("/search/a%20b?q=jalan%20rusak&x=1+2&y=%zz")
        #expect(segments == ["search", "a b"])
        #expect(query == "q=jalan%20rusak&x=1+2&y=%zz")
    }

    @Test func splitsAtTheFirstQuestionMarkOnly() throws {
        let (segments, query) = try RequestTarget.parse("/a?b?c=/..")
        #expect(segments == ["a"])
        #expect(query == "b?c=/..")
    }

    @Test func keepsAnEmptyQuery() throws {
        #expect(try RequestTarget.parse("/a?").query == "")
    }

    @Test func percentDecodeTreatsPlusAsSpaceOnlyWhenAsked() {
        #expect(RequestTarget.percentDecode("a+b%2B", plusAsSpace: true) == "a b+")
        #expect(RequestTarget.percentDecode("a+b%2B", plusAsSpace: false) == "a+b+")
    }
}

/// Found by the fuzzer: an encoded slash followed by a combining mark forms one Character that is
/// not "/", so a Character-level check let it through into a path segment.
@Test func encodedSlashFollowedByACombiningMarkIsRejected() {
    #expect(throws: HTTPParseError.self) { try RequestTarget.parse("/a%2F%CC%81b") }
}
