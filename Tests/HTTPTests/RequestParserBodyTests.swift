import HTTP
import Testing

private let chunkedHead = wire("POST /c HTTP/1.1", "Host: a", "Transfer-Encoding: chunked")

/// Feeds the pieces in order and returns the event after the last one (draining requests).
private func lastEvent(_ pieces: [String], limits: ParserLimits = ParserLimits()) -> RequestParser.Event {
    var parser = RequestParser(limits: limits)
    var event = RequestParser.Event.needMore
    for piece in pieces {
        parser.append(Array(piece.utf8))
        event = parser.next()
    }
    return event
}

/// The chunked transfer coding (RFC 9112 §7.1): line endings, size lines, trailers.
@Suite struct RequestParserBodyTests {
    // MARK: bare LF and CR, refused at once

    /// Before, a chunk-size line ending in a bare LF left the parser waiting for a CRLF that a
    /// broken client never sends, so the server only closed at its idle timeout.
    @Test(arguments: ["5\nhello", "5\n", "5;ext=1\n", "0\n\r\n"])
    func refusesAChunkSizeLineEndingInABareLFAtOnce(body: String) {
        let error = lastEvent([chunkedHead + body]).failure
        #expect(error?.status == 400)
        #expect(error?.code == "bad_chunk")
    }

    @Test(arguments: ["5\rhello", "5;a\rb"])
    func refusesABareCRInAChunkSizeLineAtOnce(body: String) {
        #expect(lastEvent([chunkedHead + body]).failure?.status == 400)
    }

    @Test(arguments: ["5\r\nhello\n", "5\r\nhello\n0\r\n\r\n", "5\r\nhellox"])
    func refusesChunkDataNotEndingInCRLFAtOnce(body: String) {
        #expect(lastEvent([chunkedHead + body]).failure?.status == 400)
    }

    @Test func waitsForTheLFAfterAChunkSizeOrDataCR() {
        #expect(lastEvent([chunkedHead + "5\r"]).isNeedMore)
        #expect(lastEvent([chunkedHead + "5\r\nhello\r"]).isNeedMore)
        #expect(lastEvent([chunkedHead + "5\r\nhello\r", "\n0\r\n\r\n"]).request?.body == Array("hello".utf8))
    }

    // MARK: chunk size

    /// RFC 9112 §7.1: chunk-size = 1*HEXDIG; leading zeros do not make a size larger.
    @Test func acceptsLeadingZerosInAChunkSize() throws {
        let request = try #require(lastEvent([chunkedHead + "000000005\r\nhello\r\n0000000000\r\n\r\n"]).request)
        #expect(request.body == Array("hello".utf8))
    }

    @Test func stillRefusesAChunkSizeOfNineSignificantDigits() {
        #expect(lastEvent([chunkedHead + "100000000\r\n"]).failure?.status == 400)
    }

    // MARK: regressions the fuzzer found (each once a KnownIssue in Tests/Fuzz)

    /// chunk-line-split: the 1 KiB bound on a chunk-size line held only while the line was
    /// incomplete, so a longer line arriving in one read was accepted and the same line split
    /// across reads refused.
    @Test func aChunkSizeLineOver1KiBIsRefusedHoweverItArrives() {
        let line = "1;" + String(repeating: "e", count: 1023)  // 1,025 bytes before the CRLF
        let body = line + "\r\na\r\n0\r\n\r\n"
        let whole = lastEvent([chunkedHead + body])
        let split = lastEvent([chunkedHead + String(line.prefix(600)), String(body.dropFirst(600))])
        #expect(whole.failure?.status == 400)
        #expect(split.failure?.status == 400)
        #expect(whole.failure == split.failure)
    }

    @Test func aChunkSizeLineOfExactly1KiBIsAcceptedHoweverItArrives() {
        let line = "1;" + String(repeating: "e", count: 1022)
        let body = line + "\r\na\r\n0\r\n\r\n"
        #expect(lastEvent([chunkedHead + body]).request?.body == [UInt8(ascii: "a")])
        #expect(lastEvent([chunkedHead + String(line.prefix(600)), String(body.dropFirst(600))]).request != nil)
        #expect(lastEvent([chunkedHead + line + "\r", "\na\r\n0\r\n\r\n"]).request != nil)
    }

    /// trailer-pending-cr: a CR waiting for its LF was counted against the trailer limit, so a
    /// trailer section of exactly the limit was refused with 431 when the final CR arrived alone.
    @Test func aTrailerSectionOfExactlyTheLimitIsAcceptedWhenItsLastCRArrivesAlone() {
        var limits = ParserLimits()
        limits.headerBytes = 64
        let trailer = "X-T: " + String(repeating: "t", count: 64 - 7) + "\r\n"
        #expect(trailer.utf8.count == 64)
        let body = "1\r\na\r\n0\r\n" + trailer + "\r\n"
        #expect(lastEvent([chunkedHead + body], limits: limits).request != nil)
        // Bytes, not Characters: "\r\n" is one Character.
        let upToTheLastCR = String(decoding: Array((chunkedHead + body).utf8).dropLast(), as: UTF8.self)
        #expect(lastEvent([upToTheLastCR, "\n"], limits: limits).request != nil)
        #expect(lastEvent([chunkedHead + "1\r\na\r\n0\r\n" + trailer + "Y: z\r\n\r\n"], limits: limits).failure?.status == 431)
    }
}
