import Foundation

/// Our HTTP/1.1 client: pooled keep-alive connections per upstream, connect and response
/// deadlines, and at most one retry, only for idempotent methods.
public final class HTTPClient: @unchecked Sendable {
    public var connectTimeout: Double
    public var responseTimeout: Double
    /// Idle connections older than this are not reused (servers close idle ones after 60 s).
    public var maxIdleSeconds: Double = 30
    public var maxIdlePerUpstream: Int = 64
    /// The largest response body read from an upstream; a larger one is refused
    /// (`HTTPClientError.responseTooLarge`) rather than held in memory.
    public var maxResponseBytes: Int = 32 * 1024 * 1024
    private let lock = NSLock()
    private var idle: [Upstream: [ClientConnection]] = [:]

    public init(connectTimeout: Double = 2, responseTimeout: Double = 30) {
        self.connectTimeout = connectTimeout
        self.responseTimeout = responseTimeout
    }

    /// Sends a request and reads the whole response.
    /// - Parameters:
    ///   - request: method, target, headers and body; `Host` and `Content-Length` are set here.
    /// - Throws: `HTTPClientError` when the upstream cannot be reached, times out or answers garbage.
    public func send(_ request: HTTPRequest, to upstream: Upstream) throws -> HTTPResponse {
        let idempotent = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].contains(request.method)
        // The head and the body are written one after the other: a forwarded body is never copied.
        let bytes = (head: serializeHead(request, upstream: upstream), body: request.body)
        if let reused = takeIdle(upstream) {
            let deadline = monotonicSeconds() + responseTimeout
            do {
                try reused.write(bytes, deadline: deadline)
            } catch {
                // The server closed the pooled connection before the request reached it: nothing was
                // processed, so a fresh connection is safe for any method.
                return try exchange(bytes, method: request.method, on: try fresh(upstream), upstream: upstream)
            }
            do {
                return try read(method: request.method, on: reused, upstream: upstream, deadline: deadline)
            } catch let error as HTTPClientError {
                guard idempotent, case .connectionClosed = error else { throw error }
                return try exchange(bytes, method: request.method, on: try fresh(upstream), upstream: upstream)
            }
        }
        return try exchange(bytes, method: request.method, on: try fresh(upstream), upstream: upstream)
    }

    private func fresh(_ upstream: Upstream) throws -> ClientConnection {
        try ClientConnection(to: upstream, timeout: connectTimeout)
    }

    private func exchange(_ bytes: (head: [UInt8], body: [UInt8]), method: String, on connection: ClientConnection,
                          upstream: Upstream) throws -> HTTPResponse {
        let deadline = monotonicSeconds() + responseTimeout
        try connection.write(bytes, deadline: deadline)
        return try read(method: method, on: connection, upstream: upstream, deadline: deadline)
    }

    private func read(method: String, on connection: ClientConnection, upstream: Upstream, deadline: Double) throws -> HTTPResponse {
        var limits = ResponseLimits()
        limits.bodyBytes = maxResponseBytes
        let (response, reusable) = try connection.readResponse(method: method, limits: limits, deadline: deadline)
        if reusable { putIdle(connection, upstream) }
        return response
    }

    private func serializeHead(_ request: HTTPRequest, upstream: Upstream) -> [UInt8] {
        var head = "\(request.method) \(request.target) HTTP/1.1\r\n"
        var hasHost = false
        for field in request.headers.fields {
            if field.name.caseInsensitiveEquals("Content-Length") || field.name.caseInsensitiveEquals("Transfer-Encoding")
                || field.name.caseInsensitiveEquals("Connection") { continue }
            if field.name.caseInsensitiveEquals("Host") { hasHost = true }
            head += field.name + ": " + field.value + "\r\n"
        }
        if !hasHost { head += "Host: \(upstream.host):\(upstream.port)\r\n" }
        if !request.body.isEmpty || ["POST", "PUT", "PATCH"].contains(request.method) {
            head += "Content-Length: \(request.body.count)\r\n"
        }
        head += "\r\n"
        return Array(head.utf8)
    }

    private func takeIdle(_ upstream: Upstream) -> ClientConnection? {
        let now = monotonicSeconds()
        lock.lock()
        defer { lock.unlock() }
        while let connection = idle[upstream]?.popLast() {
            if now - connection.lastUsed < maxIdleSeconds && !connection.isStale { return connection }
        }
        return nil
    }

    private func putIdle(_ connection: ClientConnection, _ upstream: Upstream) {
        connection.lastUsed = monotonicSeconds()
        lock.lock()
        defer { lock.unlock() }
        var list = idle[upstream, default: []]
        guard list.count < maxIdlePerUpstream else { return }
        list.append(connection)
        idle[upstream] = list
    }
}

extension ClientConnection {
    /// Writes a request's head and its body: a small body in the same send, a large one after the
    /// head without being copied.
    func write(_ request: (head: [UInt8], body: [UInt8]), deadline: Double) throws {
        guard request.body.count > 16 * 1024 else { return try writeAll(request.head + request.body, deadline: deadline) }
        try writeAll(request.head, deadline: deadline)
        try writeAll(request.body, deadline: deadline)
    }
}
