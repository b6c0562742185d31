import Foundation
import Glibc
import Synchronization

/// A hand-driven upstream for the client's retry rules. It reads each request whole, logs it, and
/// then answers 200 or hangs up without a word, as its script says: the only honest way to have a
/// server close a connection right after a request reached it.
final class ScriptedUpstream: Sendable {
    /// What the upstream does with a request once it has read it.
    enum Reply: Sendable {
        case answer(String)
        /// An interim `103 Early Hints`, then the answer.
        case answerAfterInterim(String)
        /// These bytes exactly, as a broken or hostile upstream would send them.
        case raw(String)
        case hangUp
    }

    /// A request that reached the upstream: on which accepted connection (0, 1, …) and as which
    /// request on that connection (0, 1, …).
    struct Arrival: Sendable, Equatable {
        let connection: Int
        let index: Int
        let method: String
        let target: String
    }

    let port: Int
    private let listenFD: Int32
    private let log = Mutex<[Arrival]>([])
    private let script: @Sendable (Arrival) -> Reply

    /// Listens on an ephemeral port of 127.0.0.1 and serves connections on threads of their own.
    /// - Throws: `SocketTestError` when the socket cannot be set up.
    init(script: @escaping @Sendable (Arrival) -> Reply) throws {
        self.script = script
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketTestError("socket failed", code: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ready else {
            close(fd)
            throw SocketTestError("cannot listen", code: errno)
        }
        listenFD = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// Every request that reached the upstream, in arrival order.
    var arrivals: [Arrival] { log.withLock { $0 } }

    /// Stops accepting; connections being served end when their clients close them.
    func stop() { _ = shutdown(listenFD, Int32(SHUT_RDWR)) }

    private func acceptLoop() {
        var connection = 0
        while true {
            let fd = accept(listenFD, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                close(listenFD)
                return
            }
            let number = connection
            connection += 1
            Thread.detachNewThread { [self] in serve(fd, connection: number) }
        }
    }

    private func serve(_ fd: Int32, connection: Int) {
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer: [UInt8] = []
        var index = 0
        while let (method, target) = readRequest(fd, &buffer) {
            let arrival = Arrival(connection: connection, index: index, method: method, target: target)
            index += 1
            log.withLock { $0.append(arrival) }
            switch script(arrival) {
            case .hangUp:
                return
            case .raw(let text):
                let bytes = Array(text.utf8)
                guard bytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == bytes.count else { return }
            case .answer(let body), .answerAfterInterim(let body):
                var text = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                if case .answerAfterInterim = script(arrival) { text = "HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n" + text }
                let bytes = Array(text.utf8)
                guard bytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == bytes.count else { return }
            }
        }
    }

    /// Reads one request head and its Content-Length body; nil when the client is gone.
    private func readRequest(_ fd: Int32, _ buffer: inout [UInt8]) -> (String, String)? {
        func fill() -> Bool {
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffer.indices.dropLast(3).first { buffer[$0..<($0 + 4)].elementsEqual([13, 10, 13, 10]) }
            if headEnd == nil && !fill() { return nil }
        }
        let lines = String(decoding: buffer[0..<headEnd!], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        let length = lines.dropFirst().compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }.first ?? 0
        while buffer.count < headEnd! + 4 + length {
            if !fill() { return nil }
        }
        buffer.removeFirst(headEnd! + 4 + length)
        return (String(requestLine[0]), String(requestLine[1]))
    }
}
