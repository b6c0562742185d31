import Foundation
import HTTP
import Testing

/// The connection limit, the slow-client deadlines and graceful stop, with deadlines of a second so
/// each test ends fast. The tests wait for outcomes; they never time anything.
@Suite struct LimitsAndDeadlinesTests {
    @Test func connectionBeyondTheLimitGets503WithRetryAfter() throws {
        try withServer({ $0.maxConnections = 2 }) { server in
            let first = try RawConnection(port: server.port)
            let second = try RawConnection(port: server.port)
            for connection in [first, second] {
                try connection.send(wireRequest("GET", "/ok"))
                #expect(try connection.readResponse().status == 200)
            }

            let third = try RawConnection(port: server.port)
            let refused = try third.readResponse()
            #expect(refused.status == 503)
            let retryAfter = try #require(refused.header("Retry-After"))
            #expect((Int(retryAfter) ?? 0) > 0, "Retry-After \(retryAfter)")
            #expect(refused.jsonError != nil)
            #expect(refused.header("Connection") == "close")
            #expect(third.readToEnd().end.isGone)

            // The two held connections are still served, and a freed slot is given to a newcomer.
            try second.send(wireRequest("GET", "/ok"))
            #expect(try second.readResponse().status == 200)
            first.shutdownWrite()
            #expect(first.readToEnd().end == .closed)
            #expect(try eventuallyAnswersOK(port: server.port) == 200, "the slot of a closed connection was not given back")
        }
    }

    @Test func slowLorisGets408WhileAnotherClientIsServed() throws {
        try withServer({ $0.headerTimeout = 1 }) { server in
            let loris = try RawConnection(port: server.port)
            try loris.send("GET /ok HTTP/1.1\r\nHost: hub.example\r\nX-Slow: ")
            var servedMeanwhile: RawResponse?
            var answered = false
            // One byte every 100 ms, so the connection is never idle yet the head never ends.
            for step in 0..<60 {
                if loris.isReadable(within: 0.1) {
                    answered = true
                    break
                }
                guard (try? loris.send("a")) != nil else { break }
                if step == 3 { servedMeanwhile = try answersOK(port: server.port) }
            }
            #expect(servedMeanwhile?.status == 200, "another client was not served while the loris dribbled")
            #expect(answered, "the dribbling client was never cut off")
            let response = try loris.readResponse()
            #expect(response.status == 408)
            #expect(response.jsonError != nil)
            #expect(response.header("Connection") == "close")
            #expect(loris.readToEnd().end.isGone)
        }
    }

    @Test func idleKeepAliveConnectionIsClosed() throws {
        try withServer({ $0.idleTimeout = 1 }) { server in
            let connection = try RawConnection(port: server.port, timeout: 5)
            try connection.send(wireRequest("GET", "/ok"))
            #expect(try connection.readResponse().status == 200)
            let (bytes, end) = connection.readToEnd()
            #expect(bytes.isEmpty, "an idle connection got \(RawResponse.printable(bytes))")
            #expect(end == .closed)
        }
    }

    /// The idle clock starts when the answer is written: a connection whose request took longer than
    /// the idle timeout to answer is not idle yet, and its next request must be served.
    @Test func idleClockStartsWhenTheAnswerIsWritten() throws {
        try withServer({ $0.idleTimeout = 2 }) { server in
            let connection = try RawConnection(port: server.port, timeout: 5)
            try connection.send(wireRequest("GET", "/sleep/2200"))
            #expect(try connection.readResponse().text == "slept 2200")
            Thread.sleep(forTimeInterval: 1)
            do {
                try connection.send(wireRequest("GET", "/name/next"))
                #expect(try connection.readResponse().text == "next")
            } catch {
                Issue.record("the connection did not serve a request after 1 s idle (idleTimeout 2 s): \(error)")
            }
        }
    }

    @Test func bodyThatStopsMovingGets408() throws {
        try withServer({ $0.bodyIdleTimeout = 1 }) { server in
            let connection = try RawConnection(port: server.port, timeout: 5)
            try connection.send("POST /echo HTTP/1.1\r\nHost: hub.example\r\nContent-Length: 10\r\n\r\nabc")
            let response = try connection.readResponse()
            #expect(response.status == 408)
            #expect(response.jsonError != nil)
            #expect(response.header("Connection") == "close")
            #expect(connection.readToEnd().end.isGone)
        }
    }

    @Test func gracefulStopFinishesTheRequestInFlightThenRefusesConnections() throws {
        let started = DispatchSemaphore(value: 0)
        let router = TestRoutes.router()
        let handler: HTTPHandler = { request in
            guard request.path == "/slow" else { return try router.respond(to: request) }
            started.signal()
            Thread.sleep(forTimeInterval: 0.3)
            return .text("finished")
        }
        try withServer(handler: handler) { server in
            let port = server.port
            let idle = try RawConnection(port: port)
            try idle.send(wireRequest("GET", "/ok"))
            #expect(try idle.readResponse().status == 200)

            let busy = try RawConnection(port: port)
            try busy.send(wireRequest("GET", "/slow"))
            #expect(started.wait(timeout: .now() + 3) == .success, "the slow handler never started")
            server.stop()

            let response = try busy.readResponse()
            #expect(response.status == 200 && response.text == "finished")
            #expect(response.header("Connection") == "close")
            #expect(busy.readToEnd().end.isGone)
            let (bytes, end) = idle.readToEnd()
            #expect(bytes.isEmpty && end.isGone, "the idle connection was not closed by stop()")

            server.wait()
            do {
                _ = try RawConnection(port: port)
                Issue.record("port \(port) still accepts connections after the server stopped")
            } catch let error as SocketTestError {
                #expect(error.code == ECONNREFUSED)
            }
        }
    }

    /// "Stop accepting" means the port refuses at once: a connection the kernel queues during the
    /// grace period is never served and is reset only when the server is gone.
    @Test func stopRefusesNewConnectionsWhileTheRequestInFlightFinishes() throws {
        let started = DispatchSemaphore(value: 0)
        let handler: HTTPHandler = { _ in
            started.signal()
            Thread.sleep(forTimeInterval: 0.5)
            return .text("finished")
        }
        try withServer(handler: handler) { server in
            let busy = try RawConnection(port: server.port)
            try busy.send(wireRequest("GET", "/slow"))
            #expect(started.wait(timeout: .now() + 3) == .success)
            server.stop()

            var refusal: Int32 = 0
            do {
                let late = try RawConnection(port: server.port, timeout: 1)
                try? late.send(wireRequest("GET", "/ok"))
                let (bytes, end) = late.readToEnd()
                Issue.record("connection accepted after stop(): got \(RawResponse.printable(bytes)), \(end)")
            } catch let error as SocketTestError {
                refusal = error.code
            }
            #expect(refusal == ECONNREFUSED)

            let response = try busy.readResponse()
            #expect(response.status == 200 && response.text == "finished")
        }
    }
}
