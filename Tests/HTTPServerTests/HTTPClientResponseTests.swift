import HTTP
import Testing

/// The client against upstreams that answer with broken framing: refused, never forwarded. Read
/// leniently, such an answer splits into two and the second half becomes the answer to the next
/// request on the pooled connection, maybe another client's.
@Suite struct HTTPClientResponseTests {
    @Test(arguments: [
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 40\r\n\r\nokHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nX-A: one\r\n folded\r\nContent-Length: 2\r\n\r\nok",
    ])
    func anAnswerWithAmbiguousFramingIsRefused(answer: String) throws {
        let upstream = try ScriptedUpstream { _ in .raw(answer) }
        defer { upstream.stop() }
        let client = HTTPClient(connectTimeout: 2, responseTimeout: 3)
        let target = Upstream(host: "127.0.0.1", port: upstream.port)
        let request = HTTPRequest(method: "GET", target: "/x", pathSegments: ["x"], rawQuery: nil)
        #expect {
            _ = try client.send(request, to: target)
        } throws: { error in
            guard case HTTPClientError.malformedResponse = error else { return false }
            return true
        }
    }
}
