import HTTP
import Testing

@Suite struct ResponseParserTests {
    // MARK: framing

    @Test func readsABodyOfContentLength() throws {
        let parsed = parseResponse(answer("HTTP/1.1 200 OK", "Content-Length: 5", "X-One: 1", body: "hello"))
        let head = try #require(parsed.head)
        #expect(head.status == 200)
        #expect(head.reason == "OK")
        #expect(head.headers["X-One"] == "1")
        #expect(head.keepsAlive)
        #expect(parsed.text == "hello")
    }

    @Test func readsAChunkedBodyWithExtensionsAndTrailers() {
        let parsed = parseResponse(answer("HTTP/1.1 200 OK", "Transfer-Encoding: chunked",
                                          body: "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"))
        #expect(parsed.text == "hello world")
        #expect(parsed.head?.keepsAlive == true)
        #expect(parsed.leftover == 0)
    }

    @Test func readsABodyUntilTheCloseWhenNothingFramesIt() {
        let open = parseResponse(answer("HTTP/1.1 200 OK", body: "all of"))
        #expect(open.head == nil && open.failure == nil)
        let closed = parseResponse(answer("HTTP/1.1 200 OK", body: "all of it"), ended: true)
        #expect(closed.text == "all of it")
        #expect(closed.head?.keepsAlive == false)
    }

    @Test(arguments: [("HEAD", 200), ("GET", 204), ("GET", 304), ("HEAD", 404)])
    func answersWithoutABodyIgnoreTheirContentLength(method: String, status: Int) {
        let parsed = parseResponse(answer("HTTP/1.1 \(status) X", "Content-Length: 10"), method: method)
        #expect(parsed.status == status)
        #expect(parsed.body.isEmpty)
        #expect(parsed.leftover == 0)
    }

    @Test func interimAnswersComeBeforeTheFinalOne() {
        let parsed = parseResponse(answer("HTTP/1.1 100 Continue") + answer("HTTP/1.1 103 Early Hints", "Link: </a>")
                                   + answer("HTTP/1.1 201 Created", "Content-Length: 2", body: "ok"))
        #expect(parsed.interims == [100, 103])
        #expect(parsed.status == 201)
        #expect(parsed.text == "ok")
    }

    @Test func switchingProtocolsIsFinalAndEndsHTTP() {
        let parsed = parseResponse(answer("HTTP/1.1 101 Switching Protocols", "Upgrade: websocket"))
        #expect(parsed.status == 101)
        #expect(parsed.head?.keepsAlive == false)
    }

    @Test(arguments: [answer("HTTP/1.0 200 OK", "Content-Length: 0"),
                      answer("HTTP/1.1 200 OK", "Connection: keep-alive, Close", "Content-Length: 0")])
    func connectionIsNotKeptForHTTP10OrConnectionClose(text: String) {
        #expect(parseResponse(text).head?.keepsAlive == false)
    }

    @Test func identicalContentLengthsAreOneLength() {
        #expect(parseResponse(answer("HTTP/1.1 200 OK", "Content-Length: 2, 2", "Content-Length: 2", body: "ok")).text == "ok")
    }

    @Test func bytesAfterTheResponseStayBuffered() {
        let parsed = parseResponse(answer("HTTP/1.1 200 OK", "Content-Length: 2", body: "okEXTRA"))
        #expect(parsed.text == "ok")
        #expect(parsed.leftover == 5)
    }

    @Test func aStatusLineWithoutAReasonIsAccepted() {
        #expect(parseResponse(answer("HTTP/1.1 204")).status == 204)
        #expect(parseResponse(answer("HTTP/1.1 204 ")).status == 204)
    }

    // MARK: every split gives the same response

    static let splittable = [
        answer("HTTP/1.1 200 OK", "Content-Length: 11", "X-A: b", body: "hello world"),
        answer("HTTP/1.1 100 Continue") + answer("HTTP/1.1 200 OK", "Transfer-Encoding: chunked",
                                                 body: "5;x=1\r\nhello\r\n6\r\n world\r\n0\r\nT: 1\r\n\r\n"),
        answer("HTTP/1.0 200 OK", body: "until the close"),
    ]

    @Test(arguments: splittable)
    func splittingAtEveryByteGivesTheSameResponse(text: String) throws {
        let bytes = Array(text.utf8)
        let whole = parseResponse([bytes[...]], ended: true)
        #expect(whole.head != nil)
        for cut in 1..<bytes.count {
            let split = parseResponse([bytes[..<cut], bytes[cut...]], ended: true)
            #expect(split.status == whole.status && split.body == whole.body && split.interims == whole.interims,
                    "cut at \(cut)")
        }
        let single = parseResponse(bytes.indices.map { bytes[$0...$0] }, ended: true)
        #expect(single.body == whole.body && single.interims == whole.interims)
    }
}
