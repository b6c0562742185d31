import CLinux
import Foundation
import Glibc

/// A blocking socket to an upstream, with deadlines enforced through poll(2). It only moves bytes:
/// `ResponseParser` reads them (`readResponse`).
final class ClientConnection {
    let fd: Int32
    var lastUsed: Double

    /// Connects with a timeout.
    /// - Throws: `HTTPClientError.connectFailed` or `.timedOut`.
    init(to upstream: Upstream, timeout: Double) throws {
        let addressHost = upstream.host == "localhost" ? "127.0.0.1" : upstream.host
        var address: sockaddr_in
        if let literal = SocketAddress.ipv4(host: addressHost, port: upstream.port) {
            address = literal
        } else {
            address = try Self.resolve(upstream)
        }
        let fd = SocketAddress.streamSocket()
        guard fd >= 0 else { throw HTTPClientError.connectFailed(String(cString: strerror(errno))) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 {
            guard errno == EINPROGRESS else {
                let why = String(cString: strerror(errno))
                Glibc.close(fd)
                throw HTTPClientError.connectFailed(why)
            }
            var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&descriptor, 1, Int32(timeout * 1000))
            guard ready > 0 else {
                Glibc.close(fd)
                throw ready == 0 ? HTTPClientError.timedOut : HTTPClientError.connectFailed("poll failed")
            }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else {
                Glibc.close(fd)
                throw HTTPClientError.connectFailed(String(cString: strerror(error)))
            }
        }
        SocketAddress.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
        self.fd = fd
        self.lastUsed = monotonicSeconds()
    }

    deinit { Glibc.close(fd) }

    private static func resolve(_ upstream: Upstream) throws -> sockaddr_in {
        var hints = addrinfo()
        hints.ai_family = AF_INET
        var results: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(upstream.host, String(upstream.port), &hints, &results) == 0, let first = results else {
            throw HTTPClientError.connectFailed("cannot resolve \(upstream.host)")
        }
        defer { freeaddrinfo(results) }
        return first.pointee.ai_addr.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee }
    }

    /// True when the peer has closed or sent something unexpected while the connection sat idle.
    var isStale: Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) != 0
    }

    func writeAll(_ bytes: [UInt8], deadline: Double) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if written > 0 {
                offset += written
                continue
            }
            if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                try waitFor(Int16(POLLOUT), deadline: deadline)
                continue
            }
            if written < 0 && errno == EINTR { continue }
            throw HTTPClientError.connectionClosed
        }
    }

    /// Feeds the parser what arrives next: at least one byte, or the end of the stream.
    func receive(into parser: inout ResponseParser, deadline: Double) throws {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                parser.append(chunk[0..<count])
                return
            }
            if count == 0 {
                parser.finish()
                return
            }
            if errno == EAGAIN || errno == EWOULDBLOCK {
                try waitFor(Int16(POLLIN), deadline: deadline)
                continue
            }
            if errno == EINTR { continue }
            throw HTTPClientError.connectionClosed
        }
    }

    private func waitFor(_ events: Int16, deadline: Double) throws {
        let remaining = deadline - monotonicSeconds()
        guard remaining > 0 else { throw HTTPClientError.timedOut }
        var descriptor = pollfd(fd: fd, events: events, revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(1, remaining * 1000)))
        if ready == 0 { throw HTTPClientError.timedOut }
        if ready < 0 && errno != EINTR { throw HTTPClientError.connectionClosed }
    }
}
