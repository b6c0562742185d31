import HTTP
import Testing

private let date = "Sun, 06 Nov 1994 08:49:37 GMT"

private func text(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
}

/// The header lines of a serialised response (without the status line).
private func headerLines(_ wire: String) -> [String] {
    let head = wire.components(separatedBy: "\r\n\r\n")[0]
    return Array(head.components(separatedBy: "\r\n").dropFirst())
}

@Suite struct HTTPResponseTests {
    @Test func serialisesStatusHeadersLengthDateAndBody() {
        var response = HTTPResponse.text("hello", status: 201)
        response.headers.add("X-Request-Id", "abc")
        let wire = text(response.serialized(date: date))
        #expect(wire.hasPrefix("HTTP/1.1 201 Created\r\n"))
        #expect(wire.hasSuffix("\r\n\r\nhello"))
        let lines = headerLines(wire)
        #expect(lines.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(lines.contains("X-Request-Id: abc"))
        #expect(lines.contains("Content-Length: 5"))
        #expect(lines.contains("Date: \(date)"))
        #expect(!lines.contains { $0.hasPrefix("Connection:") })
    }

    @Test func countsContentLengthInBytes() {
        let wire = text(HTTPResponse.text("café").serialized(date: date))
        #expect(headerLines(wire).contains("Content-Length: 5"))
    }

    @Test func emptyBodyHasContentLengthZero() {
        let wire = text(HTTPResponse(status: 200).serialized(date: date))
        #expect(headerLines(wire).contains("Content-Length: 0"))
        #expect(wire.hasSuffix("\r\n\r\n"))
    }

    @Test func closeAddsConnectionClose() {
        let wire = text(HTTPResponse.text("bye").serialized(close: true, date: date))
        #expect(headerLines(wire).filter { $0.hasPrefix("Connection:") } == ["Connection: close"])
    }

    @Test func replacesHandlerSetFramingHeaders() {
        var response = HTTPResponse.text("hello")
        response.headers.add("Content-Length", "999")
        response.headers.add("Transfer-Encoding", "chunked")
        response.headers.add("Connection", "keep-alive")
        response.headers.add("Date", "yesterday")
        let lines = headerLines(text(response.serialized(close: true, date: date)))
        #expect(lines.filter { $0.lowercased().hasPrefix("content-length:") } == ["Content-Length: 5"])
        #expect(lines.filter { $0.lowercased().hasPrefix("connection:") } == ["Connection: close"])
        #expect(lines.filter { $0.lowercased().hasPrefix("date:") } == ["Date: \(date)"])
        #expect(!lines.contains { $0.lowercased().hasPrefix("transfer-encoding:") })
    }

    @Test func headOmitsTheBodyButKeepsContentLength() {
        let wire = text(HTTPResponse.text("hello").serialized(includeBody: false, date: date))
        #expect(headerLines(wire).contains("Content-Length: 5"))
        #expect(wire.hasSuffix("\r\n\r\n"))
        #expect(!wire.contains("hello"))
    }

    @Test(arguments: [204, 304])
    func noContentAndNotModifiedCarryNoBody(status: Int) {
        let wire = text(HTTPResponse(status: status, body: Array("stray".utf8)).serialized(date: date))
        #expect(wire.hasPrefix("HTTP/1.1 \(status) "))
        #expect(!headerLines(wire).contains { $0.lowercased().hasPrefix("content-length:") })
        #expect(wire.hasSuffix("\r\n\r\n"))
        #expect(!wire.contains("stray"))
    }

    @Test func unknownStatusStillGetsAReasonPhrase() {
        #expect(text(HTTPResponse(status: 299).serialized(date: date)).hasPrefix("HTTP/1.1 299 Status 299\r\n"))
    }

    @Test func errorHasTheHubsJSONShape() {
        let response = HTTPResponse.error(409, code: "conflict", message: "already claimed")
        #expect(response.status == 409)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(text(response.body) == #"{"error":{"code":"conflict","message":"already claimed"}}"#)
    }

    @Test func headerInjectionIsNotSerialised() {
        var response = HTTPResponse.text("ok")
        response.headers.add("Location", "/ok\r\nSet-Cookie: session=evil")
        let wire = text(response.serialized(date: date))
        #expect(!wire.contains("Set-Cookie"))
        #expect(!wire.contains("Location"))
    }

    @Test func redirectPointsAtTheLocation() {
        let response = HTTPResponse.redirect(to: "/lacak/ABCD")
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/lacak/ABCD")
    }

    @Test func aLiteralOfTypedValuesIsWrittenNotDroppedWhicheverOverloadTakesIt() {
        let id: Int64 = 7
        let response = HTTPResponse.json(["id": id.json, "free": .integer(2), "booked": 0], status: 201)
        #expect(text(response.body) == #"{"booked":0,"free":2,"id":7}"#)
        #expect(text(HTTPResponse.json([id.json, "x"]).body) == #"[7,"x"]"#)
    }
}
