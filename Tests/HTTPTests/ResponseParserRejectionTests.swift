import HTTP
import Testing

/// Hostile and broken answers: each refused with its own error, however the bytes arrive.
@Suite struct ResponseParserRejectionTests {
    static let refusals: [(String, ResponseParseError)] = [
        (answer("HTTP/1.1 OK"), .badStatusLine),
        (answer("HTTP/1.1 20 OK"), .badStatusLine),
        (answer("HTTP/1.1 600 Odd"), .badStatusLine),
        (answer("HTTP/1.1 200OK"), .badStatusLine),
        (answer("HTTP/2.0 200 OK"), .unsupportedVersion),
        (answer("ICY 200 OK"), .badStatusLine),
        ("\r\nHTTP/1.1 200 OK\r\n\r\n", .badStatusLine),
        (answer("HTTP/1.1 200 OK", "X-A: 1", " folded"), .obsoleteLineFolding),
        ("HTTP/1.1 200 OK\r\nX-A: a\rb\r\n\r\n", .badLineEnding),
        ("HTTP/1.1 200 OK\nContent-Length: 0\n\n", .badLineEnding),
        (answer("HTTP/1.1 200 OK", "No colon"), .badHeader("no colon")),
        (answer("HTTP/1.1 200 OK", "Bad Name: 1"), .badHeader("the name is not a token")),
        (answer("HTTP/1.1 200 OK", "X: a\u{1}b"), .badHeader("control character in a value")),
        (answer("HTTP/1.1 200 OK", "Content-Length: 1", "Content-Length: 2"), .conflictingContentLength),
        (answer("HTTP/1.1 200 OK", "Content-Length: 1, 2"), .conflictingContentLength),
        (answer("HTTP/1.1 200 OK", "Content-Length: -1"), .badContentLength),
        (answer("HTTP/1.1 200 OK", "Content-Length: 0x10"), .badContentLength),
        (answer("HTTP/1.1 200 OK", "Content-Length: 99999999999999999999"), .badContentLength),
        (answer("HTTP/1.1 200 OK", "Content-Length: 3", "Transfer-Encoding: chunked"), .ambiguousFraming),
        (answer("HTTP/1.1 200 OK", "Transfer-Encoding: gzip, chunked"), .unsupportedTransferEncoding),
        (answer("HTTP/1.0 200 OK", "Transfer-Encoding: chunked"), .unsupportedTransferEncoding),
        (answer("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", body: "zz\r\n"), .badChunk("malformed size")),
        (answer("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", body: "\r\n"), .badChunk("malformed size")),
        (answer("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", body: "1000000000000000\r\n"), .badChunk("malformed size")),
        (answer("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", body: "5\nhello"), .badChunk("size line not ended by CRLF")),
        (answer("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", body: "2\r\nokX"), .badChunk("data not followed by CRLF")),
        (answer("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", body: "1;\u{1}\r\n"), .badChunk("control character in an extension")),
        (answer("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", body: "1;" + String(repeating: "e", count: 1100)),
         .badChunk("size line too long")),
        (answer("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", body: "0\r\nbad trailer\r\n\r\n"), .badHeader("no colon")),
    ]

    @Test(arguments: refusals)
    func refusesWhole(text: String, error: ResponseParseError) {
        #expect(parseResponse(text).failure == error)
    }

    @Test(arguments: refusals)
    func refusesTheSameAtEverySplit(text: String, error: ResponseParseError) {
        let bytes = Array(text.utf8)
        for cut in 1..<bytes.count {
            #expect(parseResponse([bytes[..<cut], bytes[cut...]]).failure == error, "cut at \(cut)")
        }
    }

    @Test func aHeadBeyondTheLimitIsRefusedBeforeItEnds() {
        var limits = ResponseLimits()
        limits.headBytes = 64
        let long = "HTTP/1.1 200 OK\r\nX-Long: " + String(repeating: "a", count: 100)
        #expect(parseResponse(long, limits: limits).failure == .headTooLarge(limit: 64))
        let fits = answer("HTTP/1.1 204 OK", "X: " + String(repeating: "a", count: 40))
        #expect(fits.utf8.count == 64)
        #expect(parseResponse(fits, limits: limits).status == 204)
        #expect(parseResponse(fits.replacingOccurrences(of: "X:", with: "XY:"), limits: limits).failure == .headTooLarge(limit: 64))
    }

    @Test func moreFieldsThanTheLimitAreRefused() {
        var limits = ResponseLimits()
        limits.headerCount = 2
        #expect(parseResponse(answer("HTTP/1.1 204 -", "A: 1", "B: 2"), limits: limits).status == 204)
        #expect(parseResponse(answer("HTTP/1.1 204 -", "A: 1", "B: 2", "C: 3"), limits: limits).failure == .tooManyHeaders(limit: 2))
    }

    @Test func aBodyBeyondTheLimitIsRefusedHoweverItIsFramed() {
        var limits = ResponseLimits()
        limits.bodyBytes = 4
        let tooLarge = ResponseParseError.bodyTooLarge(limit: 4)
        #expect(parseResponse(answer("HTTP/1.1 200 OK", "Content-Length: 5"), limits: limits).failure == tooLarge)
        #expect(parseResponse(answer("HTTP/1.1 200 OK", "Content-Length: 4", body: "four"), limits: limits).text == "four")
        let chunks = answer("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", body: "3\r\nabc\r\n2\r\n")
        #expect(parseResponse(chunks, limits: limits).failure == tooLarge)
        #expect(parseResponse(answer("HTTP/1.1 200 OK", body: "fives"), limits: limits).failure == tooLarge)
    }

    @Test func tooManyInterimAnswersAreRefused() {
        var limits = ResponseLimits()
        limits.interimResponses = 2
        let three = String(repeating: answer("HTTP/1.1 100 Continue"), count: 3) + answer("HTTP/1.1 204 -")
        #expect(parseResponse(three, limits: limits).failure == .tooManyInterimResponses)
    }

    @Test(arguments: ["", "HTTP/1.1 200 OK\r\n", answer("HTTP/1.1 200 OK", "Content-Length: 9", body: "short"),
                      answer("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", body: "5\r\nhel"),
                      answer("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", body: "5\r\nhello\r\n0\r\n")])
    func aStreamEndingInsideTheResponseIsTruncated(text: String) {
        #expect(parseResponse(text, ended: true).failure == .truncated)
    }

    @Test func aFailedParserKeepsItsError() {
        var parser = ResponseParser(requestMethod: "GET")
        parser.append(Array("HTTP/1.1 200 OK\nX: 1\r\n\r\n".utf8))
        guard case .failure(let first) = parser.next() else { Issue.record("not refused"); return }
        parser.append(Array(answer("HTTP/1.1 200 OK", "Content-Length: 0").utf8))
        parser.finish()
        guard case .failure(let again) = parser.next() else { Issue.record("recovered"); return }
        #expect(first == again)
    }
}

@Suite struct ResponseParserMemoryTests {
    /// Found by the fuzzer: the parser reserved the whole declared length before any byte arrived.
    @Test func aHugeDeclaredLengthReservesNoMemoryForIt() {
        let parsed = parseResponse(answer("HTTP/1.1 200 OK", "Content-Length: 999999999999", body: "a"), ended: true)
        #expect(parsed.failure == .truncated)
    }
}
