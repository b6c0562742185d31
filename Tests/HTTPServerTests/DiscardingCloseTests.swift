import Glibc
@testable import HTTP
import Testing

/// A drained connection closes with a FIN even when the client's last bytes are still unread.
struct DiscardingCloseTests {
    /// The server's side of one loopback connection, and the client's.
    private func connected() throws -> (server: Int32, client: RawConnection) {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { Glibc.close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                guard bind(listener, raw, length) == 0, listen(listener, 1) == 0,
                      getsockname(listener, raw, &length) == 0 else { throw SocketTestError("listen", code: errno) }
            }
        }
        let client = try RawConnection(port: Int(UInt16(bigEndian: address.sin_port)))
        let server = accept(listener, nil, nil)
        guard server >= 0 else { throw SocketTestError("accept", code: errno) }
        return (server, client)
    }

    @Test func theAnswerSurvivesAClientWhoseLastBytesWereNeverRead() throws {
        let (server, client) = try connected()
        // The refused request's rest and its FIN arrive; the server, late, has read none of it.
        try client.send(Array(repeating: UInt8(ascii: "x"), count: 3000))
        client.shutdownWrite()
        let answer = Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
        #expect(answer.withUnsafeBytes { write(server, $0.baseAddress, $0.count) } == answer.count)
        var ready = pollfd(fd: server, events: Int16(POLLIN), revents: 0)
        #expect(poll(&ready, 1, 3000) == 1)
        usleep(50_000)  // the FIN too

        DiscardingClose.close(server)

        let (received, end) = client.readToEnd()
        #expect(received == answer, "the client reads the answer")
        #expect(end == .closed, "a FIN, not a reset: \(end)")
    }
}
