import HTTP
import Testing

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

    /// RFC 9110 §10.1.1: a server MUST ignore a 100-continue expectation in an HTTP/1.0 request.
    @Test func expectContinueOnHTTP10IsIgnored() throws {
        var parser = RequestParser()
        parser.append(Array(wire("POST /upload HTTP/1.0", "Content-Length: 5", "Expect: 100-continue").utf8))
        #expect(parser.next().isNeedMore)
        parser.append(Array("hello".utf8))
        let request = try #require(parser.next().request)
        #expect(request.body == Array("hello".utf8))
    }

    @Test func otherExpectationsOnHTTP10AreStillRefused() {
        #expect(firstEvent(wire("POST /x HTTP/1.0", "Expect: 200-ok", "Content-Length: 1", body: "x")).failure?.status == 417)
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
