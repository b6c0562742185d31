import Foundation
import HTTP
import Synchronization
import Testing

/// What a route decides from a request's head before its body is read: its own body limit, its
/// admission check (a rate limit), and room in the server's body budget. Each refusal is answered
/// without the body having been sent at all.
@Suite struct BodyAdmissionTests {
    /// `POST /login` (default limit), `POST /photos` (uploads), `POST /tiny` (100 bytes) and
    /// `POST /limited` (refused once `admitted` reaches `allowed`), each answering its body's length.
    static func router(handled: Counter, allowed: Int = .max) -> Router {
        var router = Router()
        let answer: HTTPHandler = { request in
            handled.increment()
            return .text("\(request.body.count)")
        }
        router.post("/login", answer)
        router.post("/photos", options: .uploads, answer)
        router.post("/tiny", options: RouteOptions(bodyLimit: .bytes(100)), answer)
        let admitted = Counter()
        router.post("/limited", options: RouteOptions(admission: { _ in
            admitted.increment() > allowed ? RateLimiter.tooManyRequests(retryAfter: 7) : nil
        }), answer)
        router.get("/limited-get", options: RouteOptions(admission: { _ in
            admitted.increment() > allowed ? RateLimiter.tooManyRequests(retryAfter: 7) : nil
        }), answer)
        return router
    }

    static func configure(_ configuration: inout HTTPServerConfiguration) {
        configuration.limits.bodyBytes = 1024
        configuration.limits.uploadBytes = 64 * 1024
    }

    @Test func largeMultipartToARouteWithoutUploadsGets413BeforeItsBody() throws {
        let handled = Counter()
        try withServer(Self.configure, router: Self.router(handled: handled)) { server in
            let connection = try RawConnection(port: server.port)
            try connection.send("POST /login HTTP/1.1\r\nHost: hub.example\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                                + "Content-Length: 15728640\r\n\r\n")
            let response = try connection.readResponse()
            #expect(response.status == 413)
            #expect(response.header("Connection") == "close")
            #expect(connection.readToEnd().end.isGone)
            #expect(handled.value == 0)
        }
    }

    /// A browser sends its body without waiting for an answer: it must read the 413, not a reset.
    @Test func clientStillSendingARefusedBodyReadsThe413() throws {
        let handled = Counter()
        try withServer(Self.configure, router: Self.router(handled: handled)) { server in
            let connection = try RawConnection(port: server.port, timeout: 5)
            let body = [UInt8](repeating: 120, count: 4 * 1024 * 1024)
            try? connection.send(Array("POST /login HTTP/1.1\r\nHost: hub.example\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                                       .utf8) + Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
            let response = try connection.readResponse()
            #expect(response.status == 413)
            // A reset while the browser is still sending is what it shows as a failed connection.
            #expect(connection.readToEnd().end == .closed, "the refused connection was reset, not closed")
            #expect(handled.value == 0)
        }
    }

    @Test func routeThatTakesPhotosAcceptsTheUploadLimitAndNoMore() throws {
        let handled = Counter()
        try withServer(Self.configure, router: Self.router(handled: handled)) { server in
            let body = String(repeating: "p", count: 32 * 1024)
            let connection = try RawConnection(port: server.port)
            try connection.send(wireRequest("POST", "/photos", headers: ["Content-Type: multipart/form-data; boundary=x"], body: body))
            #expect(try connection.readResponse().text == "\(body.utf8.count)")

            // The upload limit is for multipart bodies only; JSON keeps the default.
            let json = try RawConnection(port: server.port)
            try json.send("POST /photos HTTP/1.1\r\nHost: hub.example\r\nContent-Type: application/json\r\nContent-Length: 32768\r\n\r\n")
            #expect(try json.readResponse().status == 413)

            let tooLarge = try RawConnection(port: server.port)
            try tooLarge.send("POST /photos HTTP/1.1\r\nHost: hub.example\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                              + "Content-Length: 65537\r\n\r\n")
            #expect(try tooLarge.readResponse().status == 413)

            let tiny = try RawConnection(port: server.port)
            try tiny.send("POST /tiny HTTP/1.1\r\nHost: hub.example\r\nContent-Length: 101\r\n\r\n")
            #expect(try tiny.readResponse().status == 413)
            let chunked = try RawConnection(port: server.port)
            try chunked.send("POST /tiny HTTP/1.1\r\nHost: hub.example\r\nTransfer-Encoding: chunked\r\n\r\n65\r\n")
            #expect(try chunked.readResponse().status == 413)
        }
    }

    @Test func refusedClientGets429BeforeItsBodyIsRead() throws {
        let handled = Counter()
        try withServer(Self.configure, router: Self.router(handled: handled, allowed: 1)) { server in
            let first = try RawConnection(port: server.port)
            try first.send(wireRequest("POST", "/limited", headers: ["Connection: close"], body: "hello"))
            #expect(try first.readResponse().text == "5")

            // Only the head is sent: the answer must come without the body.
            let second = try RawConnection(port: server.port)
            try second.send("POST /limited HTTP/1.1\r\nHost: hub.example\r\nContent-Length: 1000\r\n\r\n")
            let refused = try second.readResponse()
            #expect(refused.status == 429)
            #expect(refused.header("Retry-After") == "7")
            #expect(refused.header("Connection") == "close")
            #expect(second.readToEnd().end.isGone)

            let chunked = try RawConnection(port: server.port)
            try chunked.send("POST /limited HTTP/1.1\r\nHost: hub.example\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n")
            #expect(try chunked.readResponse().status == 429, "a refused chunked upload was invited to send its body")

            // A request without a body is checked once, before its handler.
            let get = try RawConnection(port: server.port)
            try get.send(wireRequest("GET", "/limited-get"))
            #expect(try get.readResponse().status == 429)
            #expect(handled.value == 1)
        }
    }

    @Test func bodyBeyondTheServersBudgetGets503UntilRoomIsFreed() throws {
        let handled = Counter()
        try withServer({ Self.configure(&$0); $0.maxBufferedBodyBytes = 1500 }, router: Self.router(handled: handled)) { server in
            let holding = try RawConnection(port: server.port, timeout: 5)
            try holding.send("POST /login HTTP/1.1\r\nHost: hub.example\r\nContent-Length: 1000\r\n\r\nabc")

            var refused: RawResponse?
            for _ in 0..<40 where refused == nil {
                let newcomer = try RawConnection(port: server.port)
                try newcomer.send("POST /login HTTP/1.1\r\nHost: hub.example\r\nContent-Length: 1000\r\n\r\n")
                let response = try newcomer.readResponse()
                if response.status == 503 { refused = response } else { Thread.sleep(forTimeInterval: 0.05) }
            }
            let response = try #require(refused, "a body beyond the budget was taken")
            #expect(Int(response.header("Retry-After") ?? "") ?? 0 > 0)
            #expect(response.jsonError?["code"] as? String == "server_busy")
            #expect(server.refusals[.bodyBufferFull] >= 1)

            // A small body still fits, and once the held body is answered its room is free again.
            let small = try RawConnection(port: server.port)
            try small.send(wireRequest("POST", "/login", headers: ["Connection: close"], body: "hi"))
            #expect(try small.readResponse().text == "2")
            try holding.send(String(repeating: "d", count: 997))
            #expect(try holding.readResponse().text == "1000")
            let later = try RawConnection(port: server.port)
            try later.send(wireRequest("POST", "/login", headers: ["Connection: close"], body: String(repeating: "e", count: 1000)))
            #expect(try later.readResponse().text == "1000")
            #expect(server.bufferedBodyByteCount == 0)
        }
    }
}

/// A thread-safe count.
final class Counter: Sendable {
    private let count = Mutex(0)

    /// Adds one and returns the new count.
    @discardableResult func increment() -> Int { count.withLock { $0 += 1; return $0 } }

    var value: Int { count.withLock { $0 } }
}
