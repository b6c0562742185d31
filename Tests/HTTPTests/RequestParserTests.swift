import HTTP
import Testing

/// Joins a request line and header lines with CRLF and ends the head, then appends `body`.
private func wire(_ lines: [String], body: String = "") -> String {
    lines.joined(separator: "\r\n") + "\r\n\r\n" + body
}

private func wire(_ lines: String..., body: String = "") -> String {
    wire(lines, body: body)
}

/// Feeds the whole text at once and returns the first event.
private func firstEvent(_ text: String, limits: ParserLimits = ParserLimits()) -> RequestParser.Event {
    var parser = RequestParser(limits: limits)
    parser.append(Array(text.utf8))
    return parser.next()
}

/// Feeds the whole text at once and collects every event until the parser needs more or fails.
private func allEvents(_ text: String, limits: ParserLimits = ParserLimits()) -> [RequestParser.Event] {
    var parser = RequestParser(limits: limits)
    parser.append(Array(text.utf8))
    var events: [RequestParser.Event] = []
    while true {
        let event = parser.next()
        if case .needMore = event { return events }
        events.append(event)
        if case .failure = event { return events }
    }
}

extension RequestParser.Event {
    fileprivate var request: HTTPRequest? {
        if case .request(let request) = self { return request }
        return nil
    }

    fileprivate var continueRequest: HTTPRequest? {
        if case .expectsContinue(let request) = self { return request }
        return nil
    }

    fileprivate var failure: HTTPParseError? {
        if case .failure(let error) = self { return error }
        return nil
    }

    fileprivate var isNeedMore: Bool {
        if case .needMore = self { return true }
        return false
    }
}

@Suite struct RequestParserTests {
    // MARK: expectations

    @Test func rejectsExpectationsOtherThan100Continue() {
        let event = firstEvent(wire("POST /x HTTP/1.1", "Host: a", "Expect: 200-ok", "Content-Length: 1", body: "x"))
        #expect(event.failure?.status == 417)
    }

    // MARK: well-formed requests

    @Test func parsesASimpleGet() throws {
        let event = firstEvent(wire("GET /api/v1/complaints?status=open HTTP/1.1", "Host: hub.example", "Accept: */*"))
        let request = try #require(event.request)
        #expect(request.method == "GET")
        #expect(request.target == "/api/v1/complaints?status=open")
        #expect(request.pathSegments == ["api", "v1", "complaints"])
        #expect(request.rawQuery == "status=open")
        #expect(request.versionMinor == 1)
        #expect(request.headers["host"] == "hub.example")
        #expect(request.headers["Accept"] == "*/*")
        #expect(request.body.isEmpty)
    }

    @Test func trimsWhitespaceAroundHeaderValues() throws {
        let request = try #require(firstEvent(wire("GET / HTTP/1.1", "Host: a", "X-Padded: \t padded value \t")).request)
        #expect(request.headers["X-Padded"] == "padded value")
    }

    @Test(arguments: [
        wire("GET /a/b?x=1 HTTP/1.1", "Host: a", "X-One: 1"),
        wire("POST /submit HTTP/1.1", "Host: a", "Content-Length: 11", body: "hello world"),
        wire("POST /chunks HTTP/1.1", "Host: a", "Transfer-Encoding: chunked",
             body: "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"),
    ])
    func bytesFedOneAtATimeGiveTheSameRequest(text: String) throws {
        let whole = try #require(firstEvent(text).request)

        var parser = RequestParser()
        var events: [RequestParser.Event] = []
        for byte in Array(text.utf8) {
            parser.append([byte])
            let event = parser.next()
            if !event.isNeedMore { events.append(event) }
        }
        #expect(events.count == 1)
        let piecewise = try #require(events.first?.request)
        #expect(piecewise.method == whole.method)
        #expect(piecewise.target == whole.target)
        #expect(piecewise.pathSegments == whole.pathSegments)
        #expect(piecewise.rawQuery == whole.rawQuery)
        #expect(piecewise.headers.fields.map(\.name) == whole.headers.fields.map(\.name))
        #expect(piecewise.headers.fields.map(\.value) == whole.headers.fields.map(\.value))
        #expect(piecewise.body == whole.body)
        #expect(parser.isIdle)
    }

    @Test func pipelinedRequestsComeOutInOrder() {
        let text = wire("GET /first HTTP/1.1", "Host: a")
            + wire("POST /second HTTP/1.1", "Host: a", "Content-Length: 5", body: "hello")
            + wire("GET /third HTTP/1.1", "Host: a")
        let events = allEvents(text)
        #expect(events.count == 3)
        #expect(events.compactMap(\.request?.path) == ["/first", "/second", "/third"])
        #expect(events.compactMap(\.request).map { String(decoding: $0.body, as: UTF8.self) } == ["", "hello", ""])
    }

    @Test func readsAContentLengthBody() throws {
        let request = try #require(firstEvent(wire("POST /x HTTP/1.1", "Host: a", "Content-Length: 5", body: "hello")).request)
        #expect(request.body == Array("hello".utf8))
    }

    @Test func waitsForTheRestOfAContentLengthBody() throws {
        var parser = RequestParser()
        parser.append(Array(wire("POST /x HTTP/1.1", "Host: a", "Content-Length: 10", body: "hello").utf8))
        #expect(parser.next().isNeedMore)
        parser.append(Array(" you".utf8))
        #expect(parser.next().isNeedMore)
        parser.append(Array("!!extra".utf8))
        let request = try #require(parser.next().request)
        #expect(request.body == Array("hello you!".utf8))
        #expect(parser.bufferedByteCount == "!extra".utf8.count)
    }

    @Test func zeroContentLengthIsAnEmptyBody() throws {
        let request = try #require(firstEvent(wire("POST /x HTTP/1.1", "Host: a", "Content-Length: 0")).request)
        #expect(request.body.isEmpty)
    }

    @Test func readsAChunkedBodyWithExtensionsAndTrailers() throws {
        let chunked = "5;name=value\r\nhello\r\n"
            + "6;quoted=\"a b\";flag\r\n world\r\n"
            + "A\r\n, and more\r\n"
            + "0;last=yes\r\n"
            + "X-Checksum: abc\r\nX-Other: d\r\n\r\n"
        let text = wire("POST /c HTTP/1.1", "Host: a", "Transfer-Encoding: chunked", body: chunked)
            + wire("GET /next HTTP/1.1", "Host: a")
        let events = allEvents(text)
        #expect(events.count == 2)
        let request = try #require(events.first?.request)
        #expect(String(decoding: request.body, as: UTF8.self) == "hello world, and more")
        #expect(request.headers["X-Checksum"] == nil)
        #expect(events.last?.request?.path == "/next")
    }

    @Test func transferEncodingChunkedIsCaseInsensitive() throws {
        let text = wire("POST /c HTTP/1.1", "Host: a", "Transfer-Encoding: Chunked", body: "3\r\nabc\r\n0\r\n\r\n")
        let request = try #require(firstEvent(text).request)
        #expect(request.body == Array("abc".utf8))
    }

    @Test func rejectsAMalformedChunkSize() {
        let text = wire("POST /c HTTP/1.1", "Host: a", "Transfer-Encoding: chunked", body: "zz\r\nabc\r\n0\r\n\r\n")
        #expect(allEvents(text).last?.failure?.status == 400)
    }

    @Test func rejectsChunkDataNotFollowedByCRLF() {
        let text = wire("POST /c HTTP/1.1", "Host: a", "Transfer-Encoding: chunked", body: "3\r\nabcdef\r\n0\r\n\r\n")
        #expect(allEvents(text).last?.failure?.status == 400)
    }

    // MARK: Expect: 100-continue

    @Test func expectContinueYieldsExpectsContinueBeforeTheBody() throws {
        var parser = RequestParser()
        parser.append(Array(wire("POST /upload HTTP/1.1", "Host: a", "Content-Length: 5", "Expect: 100-continue").utf8))
        let head = try #require(parser.next().continueRequest)
        #expect(head.method == "POST")
        #expect(head.path == "/upload")
        #expect(head.body.isEmpty)
        #expect(parser.next().isNeedMore)
        parser.append(Array("hello".utf8))
        let request = try #require(parser.next().request)
        #expect(request.body == Array("hello".utf8))
    }

    @Test func expectContinueWorksForChunkedBodies() throws {
        var parser = RequestParser()
        parser.append(Array(wire("POST /upload HTTP/1.1", "Host: a", "Transfer-Encoding: chunked", "Expect: 100-Continue").utf8))
        #expect(parser.next().continueRequest != nil)
        parser.append(Array("2\r\nok\r\n0\r\n\r\n".utf8))
        let request = try #require(parser.next().request)
        #expect(request.body == Array("ok".utf8))
    }

    @Test func expectContinueWithTheBodyAlreadyHereGivesTheRequest() throws {
        let text = wire("POST /upload HTTP/1.1", "Host: a", "Content-Length: 2", "Expect: 100-continue", body: "ok")
        let request = try #require(firstEvent(text).request)
        #expect(request.body == Array("ok".utf8))
    }

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

    @Test(arguments: ["http://example.com/", "example.com:443", "complaints"])
    func rejectsTargetsThatAreNotOriginForm(target: String) {
        #expect(firstEvent(wire("GET \(target) HTTP/1.1", "Host: a")).failure?.status == 400)
    }

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

    // MARK: limits

    @Test func rejectsARequestLineOver8KiB() {
        let target = "/" + String(repeating: "a", count: 9000)
        #expect(firstEvent(wire("GET \(target) HTTP/1.1", "Host: a")).failure?.status == 414)
    }

    @Test func rejectsAnUnfinishedRequestLineOnceItPasses8KiB() {
        var parser = RequestParser()
        parser.append(Array("GET /".utf8))
        #expect(parser.next().isNeedMore)
        parser.append([UInt8](repeating: UInt8(ascii: "a"), count: 8 * 1024))
        #expect(parser.next().failure?.status == 414)
    }

    @Test func acceptsARequestLineOfExactly8KiB() {
        let target = "/" + String(repeating: "a", count: 8 * 1024 - "GET / HTTP/1.1".utf8.count)
        let line = "GET \(target) HTTP/1.1"
        #expect(line.utf8.count == 8 * 1024)
        #expect(firstEvent(wire(line, "Host: a")).request != nil)
    }

    /// The limit is on the line, not on how the bytes happen to arrive: a CR at the end of a read
    /// must not push a line of exactly the limit over it.
    @Test func requestLineOfExactly8KiBIsAcceptedWhenItsCRArrivesAlone() {
        let target = "/" + String(repeating: "a", count: 8 * 1024 - "GET / HTTP/1.1".utf8.count)
        let text = wire("GET \(target) HTTP/1.1", "Host: a")
        let bytes = Array(text.utf8)
        let lineEnd = 8 * 1024
        var parser = RequestParser()
        parser.append(bytes[..<(lineEnd + 1)])
        #expect(parser.next().isNeedMore)
        parser.append(bytes[(lineEnd + 1)...])
        #expect(parser.next().request != nil)
    }

    @Test func rejectsHeadersOver32KiB() {
        let value = String(repeating: "v", count: 1000)
        let fields = (0..<40).map { "X-Field-\($0): \(value)" }
        #expect(firstEvent(wire(["GET / HTTP/1.1", "Host: a"] + fields)).failure?.status == 431)
    }

    /// Host plus one filler field whose section (each line with its CRLF) is exactly 32 KiB.
    private static let headerSectionOfExactly32KiB: [String] = {
        let host = "Host: a"
        let fillerPrefix = "X-Fill: "
        let fill = 32 * 1024 - (host.utf8.count + 2) - (fillerPrefix.utf8.count + 2)
        return [host, fillerPrefix + String(repeating: "v", count: fill)]
    }()

    @Test func acceptsAHeaderSectionOfExactly32KiB() {
        let fields = Self.headerSectionOfExactly32KiB
        #expect(fields.map { $0.utf8.count + 2 }.reduce(0, +) == 32 * 1024)
        #expect(firstEvent(wire(["GET / HTTP/1.1"] + fields)).request != nil)
    }

    /// As with the request line, the last CR arriving in a read of its own must not tip the section over.
    @Test func headerSectionOfExactly32KiBIsAcceptedWhenItsLastCRArrivesAlone() {
        let bytes = Array(wire(["GET / HTTP/1.1"] + Self.headerSectionOfExactly32KiB).utf8)
        var parser = RequestParser()
        parser.append(bytes.dropLast())
        #expect(parser.next().isNeedMore)
        parser.append(bytes.suffix(1))
        #expect(parser.next().request != nil)
    }

    @Test func rejectsAnUnfinishedHeaderSectionOncePast32KiB() {
        var parser = RequestParser()
        parser.append(Array("GET / HTTP/1.1\r\nHost: a\r\nX-Big: ".utf8))
        #expect(parser.next().isNeedMore)
        parser.append([UInt8](repeating: UInt8(ascii: "v"), count: 33 * 1024))
        #expect(parser.next().failure?.status == 431)
    }

    @Test func rejectsMoreThan100HeaderFields() {
        let fields = (0..<100).map { "X-Field-\($0): v" }
        #expect(firstEvent(wire(["GET / HTTP/1.1", "Host: a"] + fields)).failure?.status == 431)
    }

    @Test func accepts100HeaderFields() throws {
        let fields = (0..<99).map { "X-Field-\($0): v" }
        let request = try #require(firstEvent(wire(["GET / HTTP/1.1", "Host: a"] + fields)).request)
        #expect(request.headers.fields.count == 100)
    }

    @Test func rejectsAContentLengthOverTheLimitBeforeTheBodyArrives() {
        let text = wire("POST /x HTTP/1.1", "Host: a", "Content-Length: \(1024 * 1024 + 1)")
        #expect(firstEvent(text).failure?.status == 413)
    }

    @Test func acceptsAContentLengthAtTheLimit() {
        let text = wire("POST /x HTTP/1.1", "Host: a", "Content-Length: \(1024 * 1024)")
        #expect(firstEvent(text).isNeedMore)
    }

    @Test func rejectsAChunkedBodyOverTheLimit() {
        var limits = ParserLimits()
        limits.bodyBytes = 10
        let text = wire("POST /x HTTP/1.1", "Host: a", "Transfer-Encoding: chunked", body: "6\r\nabcdef\r\n6\r\nghijkl\r\n0\r\n\r\n")
        #expect(allEvents(text, limits: limits).last?.failure?.status == 413)
    }

    @Test func honoursThePerRequestBodyLimit() {
        var limits = ParserLimits()
        limits.bodyBytes = 1_000_000
        limits.bodyLimit = { request in request.path == "/upload" ? 100 : 10 }
        let body = String(repeating: "x", count: 50)
        let upload = wire("POST /upload HTTP/1.1", "Host: a", "Content-Length: 50", body: body)
        let other = wire("POST /other HTTP/1.1", "Host: a", "Content-Length: 50", body: body)
        let chunkedOther = wire("POST /other HTTP/1.1", "Host: a", "Transfer-Encoding: chunked", body: "32\r\n\(body)\r\n0\r\n\r\n")
        #expect(firstEvent(upload, limits: limits).request?.body.count == 50)
        #expect(firstEvent(other, limits: limits).failure?.status == 413)
        #expect(allEvents(chunkedOther, limits: limits).last?.failure?.status == 413)
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

    // MARK: state

    @Test func toleratesLeadingCRLFs() throws {
        let request = try #require(firstEvent("\r\n\r\n" + wire("GET /after HTTP/1.1", "Host: a")).request)
        #expect(request.path == "/after")
    }

    @Test func leadingCRLFsAloneLeaveTheParserIdle() {
        var parser = RequestParser()
        parser.append(Array("\r\n".utf8))
        #expect(parser.next().isNeedMore)
        #expect(parser.isIdle)
    }

    @Test func keepsReturningTheFailureAfterAFailure() {
        var parser = RequestParser()
        parser.append(Array(wire("GET / HTTP/2.0", "Host: a").utf8))
        let failure = parser.next().failure
        #expect(failure?.status == 505)
        parser.append(Array(wire("GET / HTTP/1.1", "Host: a").utf8))
        #expect(parser.next().failure == failure)
        #expect(parser.next().failure == failure)
        #expect(!parser.isIdle)
    }

    @Test func isIdleAndBufferedByteCountFollowTheBytes() throws {
        var parser = RequestParser()
        #expect(parser.isIdle)
        #expect(!parser.isReceivingHead)
        #expect(parser.bufferedByteCount == 0)

        parser.append(Array("GET / HT".utf8))
        #expect(parser.next().isNeedMore)
        #expect(!parser.isIdle)
        #expect(parser.isReceivingHead)
        #expect(parser.bufferedByteCount == 8)

        let second = wire("GET /two HTTP/1.1", "Host: a")
        parser.append(Array(("TP/1.1\r\nHost: a\r\n\r\n" + second).utf8))
        #expect(try #require(parser.next().request).path == "/")
        #expect(parser.bufferedByteCount == second.utf8.count)
        #expect(!parser.isIdle)

        #expect(try #require(parser.next().request).path == "/two")
        #expect(parser.bufferedByteCount == 0)
        #expect(parser.isIdle)
        #expect(parser.next().isNeedMore)
    }

    @Test func isNotIdleWhileABodyIsArriving() {
        var parser = RequestParser()
        parser.append(Array(wire("POST /x HTTP/1.1", "Host: a", "Content-Length: 10", body: "abc").utf8))
        #expect(parser.next().isNeedMore)
        #expect(!parser.isIdle)
        #expect(!parser.isReceivingHead)
    }
}
