import Glibc

/// Why a raw-socket step failed.
struct SocketTestError: Error, CustomStringConvertible {
    let description: String
    /// The errno behind the failure, when there was one.
    var code: Int32 = 0

    init(_ description: String, code: Int32 = 0) {
        self.description = description
        self.code = code
    }
}

/// A blocking TCP connection to a server on 127.0.0.1, as hostile or as polite as a test wants it.
/// Every receive has a timeout, so no test can hang on a server that neither answers nor closes.
final class RawConnection {
    /// How a connection ended when reading stopped.
    enum End: Equatable, CustomStringConvertible {
        /// The server closed its side (FIN).
        case closed
        /// The server reset the connection.
        case reset
        /// Nothing arrived within the timeout and the connection is still open.
        case stillOpen

        /// Closed one way or the other: what "the connection closes" means to a client.
        var isGone: Bool { self != .stillOpen }

        var description: String {
            switch self {
            case .closed: return "closed"
            case .reset: return "reset"
            case .stillOpen: return "still open"
            }
        }
    }

    private let fd: Int32
    /// Bytes received but not yet taken as a response.
    private(set) var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`.
    /// - Parameters:
    ///   - timeout: seconds any single receive or send may wait.
    ///   - source: the local address to connect from (another loopback address such as 127.0.0.2 is
    ///     another client to the server); the system's choice when nil.
    /// - Throws: `SocketTestError` carrying errno (`ECONNREFUSED` when nothing listens).
    init(port: Int, timeout: Double = 3, from source: String? = nil) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketTestError("socket failed", code: errno) }
        let descriptor = fd
        // bind (to the source) or connect (to the server) on an IPv4 address of this machine.
        func call(_ host: String, _ port: Int, _ operation: (Int32, UnsafePointer<sockaddr>, socklen_t) -> Int32) throws {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr(host)
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { operation(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard result == 0 else {
                let code = errno
                Glibc.close(descriptor)
                throw SocketTestError("\(port == 0 ? "bind to \(host)" : "connect to port \(port)") failed: "
                                      + String(cString: strerror(code)), code: code)
            }
        }
        if let source { try call(source, 0, bind) }
        try call("127.0.0.1", port, connect)
        setTimeout(timeout)
    }

    deinit { Glibc.close(fd) }

    /// Sets how long one receive or send may block.
    func setTimeout(_ seconds: Double) {
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Writes all bytes.
    /// - Throws: `SocketTestError` when the server has gone (EPIPE, ECONNRESET) or the send times out.
    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                throw SocketTestError("send failed after \(offset) of \(bytes.count) bytes", code: errno)
            }
        }
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Tells the server no more bytes will come (half-close), as a client that gave up does.
    func shutdownWrite() { _ = Glibc.shutdown(fd, Int32(SHUT_WR)) }

    /// Whether bytes (or the end of the stream) can be read within `seconds`, without reading them.
    func isReadable(within seconds: Double) -> Bool {
        if !buffer.isEmpty { return true }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, Int32(seconds * 1000)) > 0
    }

    /// Receives once into the buffer; nil while bytes keep coming, else how the stream ended.
    private func receive() -> End? {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return nil
            }
            if count == 0 { return .closed }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .stillOpen
            default: return .reset
            }
        }
    }

    /// Reads until the server closes or nothing arrives within the timeout; returns every byte not
    /// yet taken as a response and how the stream ended.
    func readToEnd() -> (bytes: [UInt8], end: End) {
        while true {
            if let end = receive() {
                let bytes = buffer
                buffer.removeAll()
                return (bytes, end)
            }
        }
    }

    /// Reads one complete response, leaving any following bytes buffered.
    /// - Parameters:
    ///   - method: the request's method; a response to HEAD has no body whatever its Content-Length.
    /// - Throws: `SocketTestError` when the stream ends or stalls before a whole response arrived, or
    ///   when the bytes are not a response.
    func readResponse(method: String = "GET") throws -> RawResponse {
        while true {
            switch RawResponse.parse(buffer, method: method) {
            case .complete(let response, let used):
                buffer.removeFirst(used)
                return response
            case .malformed(let why):
                throw SocketTestError("not an HTTP/1.1 response (\(why)): \(RawResponse.printable(buffer))")
            case .incomplete:
                if let end = receive() {
                    throw SocketTestError("connection \(end) before a whole response; got \(RawResponse.printable(buffer))")
                }
            }
        }
    }
}

/// Builds a request's bytes: request line, headers, a Host unless told otherwise, and the body
/// (with Content-Length when there is one).
func wireRequest(_ method: String = "GET", _ target: String, version: String = "HTTP/1.1", headers: [String] = [],
                 host: Bool = true, body: String? = nil) -> String {
    var text = "\(method) \(target) \(version)\r\n"
    if host { text += "Host: hub.example\r\n" }
    for header in headers { text += header + "\r\n" }
    if let body { text += "Content-Length: \(body.utf8.count)\r\n" }
    text += "\r\n"
    return text + (body ?? "")
}
