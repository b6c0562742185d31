import HTTP
import Testing

@Suite struct RequestParserRejectionTests {
    // MARK: header syntax

    @Test(arguments: ["X-Folded: first\r\n continued", "X-Folded: first\r\n\tcontinued"])
    func rejectsObsoleteLineFolding(lines: String) {
        #expect(firstEvent(wire("GET / HTTP/1.1", "Host: a", lines)).failure?.status == 400)
    }

    @Test(arguments: ["Host : a", "X-Name\t: b", "X-Name : b"])
    func rejectsWhitespaceBeforeTheColon(line: String) {
        #expect(firstEvent(wire("GET / HTTP/1.1", line)).failure?.status == 400)
    }

    @Test func rejectsHeaderLineWithoutAColon() {
        #expect(firstEvent(wire("GET / HTTP/1.1", "Host: a", "NoColonHere")).failure?.status == 400)
    }

    @Test func rejectsBareCRInAHeaderValue() {
        #expect(firstEvent(wire("GET / HTTP/1.1", "Host: a", "X-A: one\rtwo")).failure?.status == 400)
    }

    @Test func rejectsBareLFInAHeaderValue() {
        #expect(firstEvent(wire("GET / HTTP/1.1", "Host: a", "X-A: one\nX-Smuggled: two")).failure?.status == 400)
    }

    @Test func rejectsBareLFAsLineEnding() {
        #expect(firstEvent("GET / HTTP/1.1\nHost: a\n\n").failure?.status == 400)
    }

    /// A bare LF inside an earlier header line is refused at once, not when the head is complete
    /// (until then the server would wait for the rest, up to its header timeout).
    @Test func rejectsABareLFInAnUnfinishedHeadAtOnce() {
        var parser = RequestParser()
        parser.append(Array("GET / HTTP/1.1\r\nX-A: one\nHost: a\r\nX-B: two".utf8))
        #expect(parser.next().failure?.status == 400)
    }

    /// Found by the fuzzer: a body ending in CR followed by a head starting with LF. That CR is the
    /// body's, so the LF is bare; the parser took it for the end of a CRLF and waited for the rest.
    @Test func anLFRightAfterABodyEndingInCRIsBare() throws {
        var parser = RequestParser()
        parser.append(Array((wire("POST /x HTTP/1.1", "Host: a", "Content-Length: 1") + "\r\nGET / HTTP/1.1\r\nHost: a\r\n").utf8))
        #expect(try #require(parser.next().request).body == [13])
        #expect(parser.next().failure?.status == 400)
    }

    @Test func rejectsNULInAHeaderValue() {
        #expect(firstEvent(wire("GET / HTTP/1.1", "Host: a", "X-A: one\u{0}two")).failure?.status == 400)
    }

    @Test(arguments: ["\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}", "\u{1F}", "\u{7F}"])
    func rejectsControlCharactersInHeaderValues(control: String) {
        #expect(firstEvent(wire("GET / HTTP/1.1", "Host: a", "X-A: one\(control)two")).failure?.status == 400)
    }

    @Test func acceptsTabsAndObsTextInHeaderValues() throws {
        let request = try #require(firstEvent(wire("GET / HTTP/1.1", "Host: a", "X-A: one\ttwo caf\u{E9}")).request)
        #expect(request.headers["X-A"] == "one\ttwo caf\u{E9}")
    }

    @Test(arguments: ["GE(T", "GE,T", "GE\"T", "GE{T", "GE/T", "G\u{C9}T", "GE@T"])
    func rejectsInvalidTokenCharactersInTheMethod(method: String) {
        #expect(firstEvent(wire("\(method) / HTTP/1.1", "Host: a")).failure?.status == 400)
    }

    @Test(arguments: ["X(A", "X,A", "X\"A", "X/A", "X@A", "X[A]", "X=A", "X A", "\u{C4}rger"])
    func rejectsInvalidTokenCharactersInHeaderNames(name: String) {
        #expect(firstEvent(wire("GET / HTTP/1.1", "Host: a", "\(name): b")).failure?.status == 400)
    }

    @Test func acceptsTokenPunctuationInHeaderNames() throws {
        let request = try #require(firstEvent(wire("GET / HTTP/1.1", "Host: a", "X-!#$%&'*+.^_`|~: ok")).request)
        #expect(request.headers["X-!#$%&'*+.^_`|~"] == "ok")
    }

    // MARK: request line

    @Test func acceptsAsteriskOnlyForOptions() {
        #expect(firstEvent(wire("OPTIONS * HTTP/1.1", "Host: a")).request != nil)
        #expect(firstEvent(wire("GET * HTTP/1.1", "Host: a")).failure?.status == 400)
    }

    @Test func rejectsATargetEscapingTheRoot() {
        #expect(firstEvent(wire("GET /../etc/passwd HTTP/1.1", "Host: a")).failure?.status == 400)
    }

    @Test(arguments: ["HTTP/2.0", "HTTP/1.2", "HTTP/1.9", "HTTP/3.0", "HTTP/0.9"])
    func answers505ForUnsupportedVersions(version: String) {
        #expect(firstEvent(wire("GET / \(version)", "Host: a")).failure?.status == 505)
    }

    @Test(arguments: ["HTTP/1", "HTTP/1.10", "http/1.1", "HTTP/1.x", "HTTP/11", "HTTPS/1.1", "HTTP/1.1 "])
    func rejectsMalformedVersions(version: String) {
        #expect(firstEvent(wire("GET / \(version)", "Host: a")).failure?.status == 400)
    }

    @Test(arguments: ["GET /", "GET  / HTTP/1.1", "GET /\r HTTP/1.1", " GET / HTTP/1.1"])
    func rejectsMalformedRequestLines(line: String) {
        #expect(firstEvent(wire(line, "Host: a")).failure?.status == 400)
    }

    // MARK: framing

    @Test func rejectsBothContentLengthAndTransferEncoding() {
        let text = wire("POST /x HTTP/1.1", "Host: a", "Content-Length: 5", "Transfer-Encoding: chunked",
                        body: "5\r\nhello\r\n0\r\n\r\n")
        #expect(firstEvent(text).failure?.status == 400)
    }

    @Test(arguments: ["gzip", "gzip, chunked", "chunked, gzip", "identity", "chunked, chunked", "x-chunked"])
    func rejectsTransferEncodingOtherThanChunked(coding: String) {
        let text = wire("POST /x HTTP/1.1", "Host: a", "Transfer-Encoding: \(coding)", body: "0\r\n\r\n")
        #expect(firstEvent(text).failure?.status == 400)
    }

    @Test func rejectsTransferEncodingOnHTTP10() {
        let text = wire("POST /x HTTP/1.0", "Transfer-Encoding: chunked", body: "0\r\n\r\n")
        #expect(firstEvent(text).failure?.status == 400)
    }

    @Test(arguments: [["Content-Length: 5", "Content-Length: 6"], ["Content-Length: 5, 6"]])
    func rejectsConflictingDuplicateContentLengths(fields: [String]) {
        let text = wire(["POST /x HTTP/1.1", "Host: a"] + fields, body: "hello!")
        #expect(firstEvent(text).failure?.status == 400)
    }

    @Test(arguments: [["Content-Length: 5", "Content-Length: 5"], ["Content-Length: 5, 5"], ["Content-Length: 5 , 5"]])
    func acceptsEqualDuplicateContentLengths(fields: [String]) throws {
        let text = wire(["POST /x HTTP/1.1", "Host: a"] + fields, body: "hello")
        let request = try #require(firstEvent(text).request)
        #expect(request.body == Array("hello".utf8))
    }

    @Test(arguments: ["+5", "-5", "5a", "0x5", "5.0", "", "\u{0665}", "1 2", "5,"])
    func rejectsNonDigitContentLength(value: String) {
        let text = wire("POST /x HTTP/1.1", "Host: a", "Content-Length: \(value)", body: "hello")
        #expect(firstEvent(text).failure?.status == 400)
    }

    // MARK: Host

    @Test func rejectsHTTP11WithoutHost() {
        #expect(firstEvent(wire("GET / HTTP/1.1", "Accept: */*")).failure?.status == 400)
    }

    @Test func rejectsTwoHostHeaders() {
        #expect(firstEvent(wire("GET / HTTP/1.1", "Host: a", "Host: b")).failure?.status == 400)
        #expect(firstEvent(wire("GET / HTTP/1.0", "Host: a", "Host: b")).failure?.status == 400)
    }

    @Test func acceptsHTTP10WithoutHost() throws {
        let request = try #require(firstEvent(wire("GET /old HTTP/1.0", "Accept: */*")).request)
        #expect(request.versionMinor == 0)
        #expect(request.path == "/old")
    }
}
