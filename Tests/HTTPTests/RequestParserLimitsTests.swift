import HTTP
import Testing

@Suite struct RequestParserLimitsTests {
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

    /// Host plus four filler fields (each under the 8 KiB field limit) whose section (each line with
    /// its CRLF) is exactly 32 KiB.
    private static let headerSectionOfExactly32KiB: [String] = {
        let host = "Host: a"
        let fillers = (0..<4).map { "X-Fill-\($0): " }
        var fill = 32 * 1024 - (host.utf8.count + 2) - fillers.map { $0.utf8.count + 2 }.reduce(0, +)
        return [host] + fillers.enumerated().map { index, prefix in
            let count = index == fillers.count - 1 ? fill : fill / (fillers.count - index)
            fill -= count
            return prefix + String(repeating: "v", count: count)
        }
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

    // MARK: one field

    @Test func rejectsAHeaderValueOver8KiB() {
        let value = String(repeating: "v", count: 8 * 1024 + 1)
        let error = firstEvent(wire("GET / HTTP/1.1", "Host: a", "X-Big: \(value)")).failure
        #expect(error?.status == 431)
        #expect(error?.code == "header_field_too_large")
    }

    @Test func rejectsAHeaderNameOver8KiB() {
        let name = "X-" + String(repeating: "n", count: 8 * 1024 - 1)
        let error = firstEvent(wire("GET / HTTP/1.1", "Host: a", "\(name): v")).failure
        #expect(error?.status == 431)
        #expect(error?.code == "header_field_too_large")
    }

    @Test func acceptsAHeaderNameAndValueOfExactly8KiBEach() throws {
        let name = "X-" + String(repeating: "n", count: 8 * 1024 - 2)
        let value = String(repeating: "v", count: 8 * 1024)
        let request = try #require(firstEvent(wire("GET / HTTP/1.1", "Host: a", "\(name):  \(value)  ")).request)
        #expect(request.headers[name] == value)
    }

    @Test func rejectsATrailerValueOver8KiB() {
        let value = String(repeating: "v", count: 8 * 1024 + 1)
        let text = wire("POST /x HTTP/1.1", "Host: a", "Transfer-Encoding: chunked", body: "1\r\na\r\n0\r\nX-Big: \(value)\r\n\r\n")
        #expect(allEvents(text).last?.failure?.status == 431)
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
}
