import Glibc

/// A plain TCP connection with a deadline on every read and write (SO_RCVTIMEO, SO_SNDTIMEO).
public final class TCPTransport: SMTPTransport {
    private let socket: Int32
    private var buffer: [UInt8] = []
    private var closed = false
    /// The longest line a relay may send (RFC 5321 allows 512 octets for a reply line).
    private static let maxLine = 4096

    /// Connects to `host:port`, trying each address the name resolves to.
    /// - Throws: `DeliveryFailure` (nothing sent) when no address answers.
    public init(host: String, port: Int, timeoutSeconds: Int = 30) throws(DeliveryFailure) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            throw DeliveryFailure("cannot resolve \(host)", sentNothing: true)
        }
        defer { freeaddrinfo(list) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        while let info = candidate {
            let fd = Glibc.socket(info.pointee.ai_family, info.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), info.pointee.ai_protocol)
            if fd >= 0 {
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                if connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                    socket = fd
                    return
                }
                Glibc.close(fd)
            }
            candidate = info.pointee.ai_next
        }
        throw DeliveryFailure("cannot connect to \(host):\(port)", sentNothing: true)
    }

    public func write(_ bytes: [UInt8]) throws(DeliveryFailure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 {
                if errno == EINTR { continue }
                throw DeliveryFailure("write failed: errno \(errno)", sentNothing: false)
            }
            offset += written
        }
    }

    public func readLine() throws(DeliveryFailure) -> String {
        while true {
            if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard buffer.count < Self.maxLine else { throw DeliveryFailure("reply line too long", sentNothing: false) }
            var chunk = [UInt8](repeating: 0, count: 1024)
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw DeliveryFailure(count == 0 ? "connection closed" : "read failed: errno \(errno)", sentNothing: false)
            }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    public func close() {
        guard !closed else { return }
        closed = true
        Glibc.close(socket)
    }

    deinit { close() }
}
