import Foundation
import HTTP
import TestSupport
import Testing

private func request(_ method: String, _ target: String, body: String = "") -> HTTPRequest {
    HTTPRequest(method: method, target: target, pathSegments: target.split(separator: "/").map(String.init),
                rawQuery: nil, body: Array(body.utf8))
}

/// The gateway's client against in-process servers: pooling, the retry rule and its deadlines.
@Suite struct HTTPClientTests {
    @Test func sequentialRequestsReuseOneConnection() throws {
        try withServer { server in
            let upstream = Upstream(host: "127.0.0.1", port: server.port)
            let before = try TCPTable.sockets(connectedToPort: server.port)

            // The count is honest: two raw connections show up as two.
            let control = try (0..<2).map { _ in try RawConnection(port: server.port) }
            #expect(try TCPTable.sockets(connectedToPort: server.port).subtracting(before).count == control.count)
            let afterControl = try TCPTable.sockets(connectedToPort: server.port)

            let client = HTTPClient(connectTimeout: 2, responseTimeout: 5)
            for index in 0..<5 {
                let response = try client.send(request(index % 2 == 0 ? "GET" : "POST", index % 2 == 0 ? "/name/n\(index)" : "/echo",
                                                       body: index % 2 == 0 ? "" : "b\(index)"), to: upstream)
                #expect(response.status == 200)
                #expect(String(decoding: response.body, as: UTF8.self) == (index % 2 == 0 ? "n\(index)" : "b\(index)"))
            }
            let opened = try TCPTable.sockets(connectedToPort: server.port).subtracting(afterControl)
            #expect(opened.count == 1, "the client opened \(opened.count) connections for 5 sequential requests")
        }
    }

    @Test func postIsNeverRetriedAfterTheRequestWasSent() throws {
        let upstream = try ScriptedUpstream { arrival in
            arrival.method == "POST" ? .hangUp : .answer("fine")
        }
        defer { upstream.stop() }
        let client = HTTPClient(connectTimeout: 2, responseTimeout: 3)
        let target = Upstream(host: "127.0.0.1", port: upstream.port)
        // A pooled connection first, so the POST goes out on a reused one: the case where a retry tempts.
        #expect(try client.send(request("GET", "/warm"), to: target).status == 200)

        #expect {
            _ = try client.send(request("POST", "/complaints", body: "{\"text\":\"pothole\"}"), to: target)
        } throws: { error in
            guard case HTTPClientError.connectionClosed = error else { return false }
            return true
        }
        let posts = upstream.arrivals.filter { $0.method == "POST" }
        #expect(posts.count == 1, "the POST reached the upstream \(posts.count) times")
    }

    /// An interim answer is not the answer: read as final, the real one would wait on the pooled
    /// connection and be handed to the next request, maybe another client's.
    @Test func interimAnswersAreSkippedAndEachRequestGetsItsOwnAnswer() throws {
        let upstream = try ScriptedUpstream { arrival in .answerAfterInterim("answer to \(arrival.target)") }
        defer { upstream.stop() }
        let client = HTTPClient(connectTimeout: 2, responseTimeout: 3)
        let target = Upstream(host: "127.0.0.1", port: upstream.port)
        for path in ["/first", "/second"] {
            let response = try client.send(request("POST", path, body: "x"), to: target)
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "answer to \(path)")
        }
    }

    @Test func idempotentGetIsRetriedOnceOnAConnectionTheServerClosed() throws {
        let upstream = try ScriptedUpstream { arrival in
            // The pooled connection is dropped under the second request; a new connection is served.
            arrival.connection == 0 && arrival.index == 1 ? .hangUp : .answer("from connection \(arrival.connection)")
        }
        defer { upstream.stop() }
        let client = HTTPClient(connectTimeout: 2, responseTimeout: 3)
        let target = Upstream(host: "127.0.0.1", port: upstream.port)
        #expect(try client.send(request("GET", "/warm"), to: target).status == 200)

        let response = try client.send(request("GET", "/complaints/PJU-1"), to: target)
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "from connection 1")
        let attempts = upstream.arrivals.filter { $0.target == "/complaints/PJU-1" }
        #expect(attempts.map(\.connection) == [0, 1])
    }

    @Test func idempotentGetIsRetriedAtMostOnce() throws {
        let upstream = try ScriptedUpstream { arrival in
            arrival.target == "/warm" ? .answer("warm") : .hangUp
        }
        defer { upstream.stop() }
        let client = HTTPClient(connectTimeout: 2, responseTimeout: 3)
        let target = Upstream(host: "127.0.0.1", port: upstream.port)
        #expect(try client.send(request("GET", "/warm"), to: target).status == 200)

        #expect(throws: HTTPClientError.self) { _ = try client.send(request("GET", "/flaky"), to: target) }
        #expect(upstream.arrivals.filter { $0.target == "/flaky" }.count == 2)
    }

    @Test func connectingToAClosedPortFailsWithConnectFailed() throws {
        let port = try FreePort.find()
        let client = HTTPClient(connectTimeout: 2, responseTimeout: 2)
        #expect {
            _ = try client.send(request("GET", "/ok"), to: Upstream(host: "127.0.0.1", port: port))
        } throws: { error in
            guard case HTTPClientError.connectFailed = error else { return false }
            return true
        }
    }

    @Test func handlerSlowerThanTheResponseTimeoutGivesTimedOut() throws {
        try withServer { server in
            let client = HTTPClient(connectTimeout: 2, responseTimeout: 0.3)
            #expect {
                _ = try client.send(request("GET", "/sleep/1000"), to: Upstream(host: "127.0.0.1", port: server.port))
            } throws: { error in
                guard case HTTPClientError.timedOut = error else { return false }
                return true
            }
        }
    }

    /// A pooled connection the server closed while it sat idle is noticed before a POST is written to
    /// it, so the POST goes out on a fresh connection and succeeds.
    @Test func postAfterTheServerClosedAnIdlePooledConnectionSucceeds() throws {
        try withServer({ $0.idleTimeout = 1 }) { server in
            let client = HTTPClient(connectTimeout: 2, responseTimeout: 5)
            let upstream = Upstream(host: "127.0.0.1", port: server.port)
            #expect(try client.send(request("GET", "/ok"), to: upstream).status == 200)
            // Wait until the server has dropped the idle connection (its idle timeout is 1 s). Each
            // event loop sweeps its own connections, so what counts is that none is left open.
            let deadline = Date().addingTimeInterval(5)
            while server.openConnectionCount > 0 && Date() < deadline { usleep(20_000) }
            #expect(server.openConnectionCount == 0)

            let response = try client.send(request("POST", "/echo", body: "after idle"), to: upstream)
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "after idle")
        }
    }
}

/// What the gateway's client holds in memory: never a response larger than its cap.
@Suite struct HTTPClientSizeTests {
    @Test func responseLargerThanTheClientsCapIsRefusedNotBuffered() throws {
        var router = Router()
        router.get("/big/{size}") { request in
            HTTPResponse(status: 200, body: [UInt8](repeating: 98, count: Int(request.pathParameters["size"] ?? "") ?? 0))
        }
        try withServer(router: router) { server in
            let upstream = Upstream(host: "127.0.0.1", port: server.port)
            let client = HTTPClient(connectTimeout: 2, responseTimeout: 5)
            client.maxResponseBytes = 1000
            #expect(try client.send(request("GET", "/big/1000"), to: upstream).body.count == 1000)
            #expect {
                _ = try client.send(request("GET", "/big/1001"), to: upstream)
            } throws: { error in
                if case HTTPClientError.responseTooLarge(1000) = error { return true }
                return false
            }
            // A large request body reaches the upstream whole.
            let body = String(repeating: "u", count: 100_000)
            var echo = Router()
            echo.post("/echo") { request in .text("\(request.body.count)") }
            try withServer({ $0.limits.bodyBytes = 200_000 }, router: echo) { echoServer in
                let response = try client.send(request("POST", "/echo", body: body), to: Upstream(host: "127.0.0.1", port: echoServer.port))
                #expect(String(decoding: response.body, as: UTF8.self) == "100000")
            }
        }
    }
}
