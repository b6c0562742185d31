import Foundation
import HTTP
import Testing

/// Clients that hold connections without finishing their requests: many connections from one
/// address, a request that never ends, a body dribbled a byte at a time. Deadlines of a second or
/// two keep the tests fast; they wait for outcomes and never time anything.
@Suite struct SlowClientTests {
    @Test func oneAddressBeyondItsConnectionCapGets429WhileAnotherAddressIsServed() throws {
        try withServer({ $0.maxConnectionsPerClient = 2 }) { server in
            let held = try (0..<2).map { _ in try RawConnection(port: server.port) }
            for connection in held {
                try connection.send(wireRequest("GET", "/ok"))
                #expect(try connection.readResponse().status == 200)
            }

            let third = try RawConnection(port: server.port)
            let refused = try third.readResponse()
            #expect(refused.status == 429)
            #expect(Int(refused.header("Retry-After") ?? "") ?? 0 > 0)
            #expect(refused.jsonError?["code"] as? String == "too_many_connections")
            #expect(third.readToEnd().end.isGone)
            #expect(server.refusals[.clientConnectionLimit] == 1)

            let other = try RawConnection(port: server.port, from: "127.0.0.2")
            try other.send(wireRequest("GET", "/ok", headers: ["Connection: close"]))
            #expect(try other.readResponse().status == 200, "another address was refused with the first")

            // A closed connection gives its slot back to its address.
            held[0].shutdownWrite()
            #expect(held[0].readToEnd().end == .closed)
            #expect(try eventuallyAnswersOK(port: server.port) == 200, "the address's slot was not given back")
        }
    }

    @Test func trustedProxyIsExemptFromThePerClientCap() throws {
        try withServer({
            $0.maxConnectionsPerClient = 1
            $0.isTrustedPeer = { $0 == "127.0.0.1" }
        }) { server in
            let connections = try (0..<3).map { _ in try RawConnection(port: server.port) }
            for connection in connections {
                try connection.send(wireRequest("GET", "/ok"))
                #expect(try connection.readResponse().status == 200)
            }
            let untrusted = try (0..<2).map { _ in try RawConnection(port: server.port, from: "127.0.0.3") }
            #expect(try untrusted[1].readResponse().status == 429)
        }
    }

    @Test func requestPastItsDeadlineGets408ThoughBytesKeepComing() throws {
        try withServer({
            $0.requestTimeout = 1
            $0.minimumUploadRate = 0
        }) { server in
            let connection = try RawConnection(port: server.port, timeout: 5)
            try connection.send("POST /echo HTTP/1.1\r\nHost: hub.example\r\nContent-Length: 1000\r\n\r\n")
            #expect(dribble(on: connection, every: 0.1, steps: 80), "the never-ending body was never cut off")
            let response = try connection.readResponse()
            #expect(response.status == 408)
            #expect(response.header("Connection") == "close")
            #expect(connection.readToEnd().end.isGone)
            #expect(server.refusals[.requestDeadline] == 1)
            #expect(try answersOK(port: server.port).status == 200)
        }
    }

    @Test func bodySlowerThanTheMinimumRateGets408AfterTheGrace() throws {
        try withServer({
            $0.uploadRateGrace = 1
            $0.minimumUploadRate = 200
        }) { server in
            // Within the grace period any rate is fine.
            let quick = try RawConnection(port: server.port, timeout: 5)
            try quick.send("POST /echo HTTP/1.1\r\nHost: hub.example\r\nContent-Length: 2\r\n\r\na")
            Thread.sleep(forTimeInterval: 0.3)
            try quick.send("b")
            #expect(try quick.readResponse().text == "ab")

            // A byte every 100 ms is 10 bytes a second: below 200 once the second of grace is over.
            let slow = try RawConnection(port: server.port, timeout: 5)
            try slow.send("POST /echo HTTP/1.1\r\nHost: hub.example\r\nContent-Length: 1000\r\n\r\n")
            #expect(dribble(on: slow, every: 0.1, steps: 80), "the dribbling body was never cut off")
            let response = try slow.readResponse()
            #expect(response.status == 408)
            #expect(response.jsonError != nil)
            #expect(slow.readToEnd().end.isGone)
            #expect(server.refusals[.slowUpload] == 1)
        }
    }

    /// Sends one byte every `seconds` until the server answers or closes.
    /// - Returns: whether it did within `steps` bytes.
    private func dribble(on connection: RawConnection, every seconds: Double, steps: Int) -> Bool {
        for _ in 0..<steps {
            if connection.isReadable(within: seconds) { return true }
            guard (try? connection.send("x")) != nil else { return true }
        }
        return false
    }
}
