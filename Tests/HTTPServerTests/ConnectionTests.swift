import Foundation
import HTTP
import Testing

/// Keep-alive, pipelining, closing, HEAD, 100-continue and the headers every answer carries, over
/// raw sockets against an in-process server.
@Suite struct ConnectionTests {
    @Test func keepAliveServesTwoRequestsOnOneConnection() throws {
        try withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(wireRequest("GET", "/name/first"))
            let first = try connection.readResponse()
            try connection.send(wireRequest("GET", "/name/second"))
            let second = try connection.readResponse()
            #expect(first.status == 200 && first.text == "first")
            #expect(first.header("Connection") == nil)
            #expect(second.status == 200 && second.text == "second")
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try withServer { server in
            let connection = try RawConnection(port: server.port)
            // The first is the slowest, so answers in arrival order prove the server keeps the order.
            try connection.send(wireRequest("GET", "/sleep/200") + wireRequest("POST", "/echo", body: "second")
                + wireRequest("GET", "/name/third"))
            let answers = try (0..<3).map { _ in try connection.readResponse() }
            #expect(answers.map(\.status) == [200, 200, 200])
            #expect(answers.map(\.text) == ["slept 200", "second", "third"])
        }
    }

    @Test func connectionCloseInAPipelineEndsItThere() throws {
        try withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(wireRequest("GET", "/name/a") + wireRequest("GET", "/name/b", headers: ["Connection: close"])
                + wireRequest("GET", "/name/c"))
            #expect(try connection.readResponse().text == "a")
            let last = try connection.readResponse()
            #expect(last.text == "b")
            #expect(last.header("Connection") == "close")
            let (rest, end) = connection.readToEnd()
            #expect(rest.isEmpty, "answered past Connection: close: \(RawResponse.printable(rest))")
            #expect(end.isGone)
        }
    }

    @Test func connectionCloseIsHonoured() throws {
        try withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(wireRequest("GET", "/ok", headers: ["Connection: close"]))
            let response = try connection.readResponse()
            #expect(response.status == 200)
            #expect(response.header("Connection") == "close")
            let (rest, end) = connection.readToEnd()
            #expect(rest.isEmpty)
            #expect(end == .closed)
        }
    }

    @Test func http10ClosesByDefault() throws {
        try withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(wireRequest("GET", "/ok", version: "HTTP/1.0", host: false))
            let response = try connection.readResponse()
            #expect(response.status == 200 && response.text == "ok")
            #expect(response.header("Connection") == "close")
            let (rest, end) = connection.readToEnd()
            #expect(rest.isEmpty)
            #expect(end == .closed)
        }
    }

    @Test func headAnswerCarriesContentLengthButNoBody() throws {
        try withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(wireRequest("HEAD", "/ok"))
            let head = try connection.readResponse(method: "HEAD")
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "2")
            // A body after the HEAD answer would be read here as the start of the next response.
            try connection.send(wireRequest("GET", "/name/after"))
            let next = try connection.readResponse()
            #expect(next.status == 200 && next.text == "after")
        }
    }

    @Test func expectContinueGets100BeforeTheAnswer() throws {
        try withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send("POST /echo HTTP/1.1\r\nHost: hub.example\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
            let interim = try connection.readResponse()
            #expect(interim.statusLine == "HTTP/1.1 100 Continue")
            #expect(interim.headers.isEmpty)
            try connection.send("hello")
            let final = try connection.readResponse()
            #expect(final.status == 200 && final.text == "hello")
        }
    }

    @Test func saneRequestIdIsKept() throws {
        try withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(wireRequest("GET", "/ok", headers: ["X-Request-Id: trace-0123.abc_DEF"]))
            let response = try connection.readResponse()
            #expect(response.header("X-Request-Id") == "trace-0123.abc_DEF")
            #expect(response.count(of: "X-Request-Id") == 1)
        }
    }

    @Test(arguments: ["two words", "semi;colon", String(repeating: "a", count: 129), "caf\u{E9}", "<script>", ""])
    func insaneRequestIdIsReplaced(_ sent: String) throws {
        try withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(wireRequest("GET", "/ok", headers: ["X-Request-Id: \(sent)"]))
            let response = try connection.readResponse()
            #expect(response.status == 200)
            #expect(response.count(of: "X-Request-Id") == 1)
            let id = try #require(response.header("X-Request-Id"))
            #expect(id != sent)
            #expect((1...128).contains(id.utf8.count))
            #expect(id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        }
    }

    @Test func everyAnswerCarriesADate() throws {
        try withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(wireRequest("GET", "/ok") + wireRequest("GET", "/missing"))
            for response in [try connection.readResponse(), try connection.readResponse()] {
                let text = try #require(response.header("Date"))
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_US_POSIX")
                formatter.timeZone = TimeZone(identifier: "GMT")
                formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
                let date = try #require(formatter.date(from: text), "not an IMF-fixdate: \(text)")
                #expect(formatter.string(from: date) == text)
                #expect(abs(date.timeIntervalSinceNow) < 300)
            }
        }
    }

    @Test func methodNotAllowedListsTheAllowedMethods() throws {
        try withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(wireRequest("DELETE", "/ok") + wireRequest("GET", "/echo"))
            let onGetRoute = try connection.readResponse()
            #expect(onGetRoute.status == 405)
            #expect(onGetRoute.header("Allow") == "GET, HEAD")
            #expect(onGetRoute.jsonError?["code"] as? String == "method_not_allowed")
            let onPostRoute = try connection.readResponse()
            #expect(onPostRoute.status == 405)
            #expect(onPostRoute.header("Allow") == "POST")
        }
    }

    @Test func throwingHandlerGets500CarryingTheRequestId() throws {
        try withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(wireRequest("GET", "/boom", headers: ["X-Request-Id: boom-42"]) + wireRequest("GET", "/boom"))
            let named = try connection.readResponse()
            #expect(named.status == 500)
            #expect(named.header("X-Request-Id") == "boom-42")
            let error = try #require(named.jsonError, "not the JSON error shape: \(named.text)")
            #expect(error["code"] as? String == "internal_error")
            #expect(error["request_id"] as? String == "boom-42")
            #expect(!named.text.contains("hunter2"), "the internal error leaked: \(named.text)")

            let unnamed = try connection.readResponse()
            #expect(unnamed.status == 500)
            let id = try #require(unnamed.header("X-Request-Id"))
            #expect(unnamed.jsonError?["request_id"] as? String == id)
            // The connection survives a handler's failure.
            try connection.send(wireRequest("GET", "/ok"))
            #expect(try connection.readResponse().status == 200)
        }
    }
}
