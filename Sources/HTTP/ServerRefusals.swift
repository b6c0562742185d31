import Synchronization

/// Why the server itself cut a client short, before any handler saw the request.
public enum ServerRefusal: String, Sendable, CaseIterable {
    /// The server was at `maxConnections` (503).
    case connectionLimit = "connection_limit"
    /// The client's address was at `maxConnectionsPerClient` (429).
    case clientConnectionLimit = "client_connection_limit"
    /// The head did not arrive within `headerTimeout` (408).
    case headerTimeout = "header_timeout"
    /// No byte of the body arrived within `bodyIdleTimeout` (408).
    case bodyStalled = "body_stalled"
    /// The whole request did not arrive within `requestTimeout` (408).
    case requestDeadline = "request_deadline"
    /// The request arrived slower than `minimumUploadRate` after its grace period (408).
    case slowUpload = "slow_upload"
    /// Taking the body would have held more than `maxBufferedBodyBytes` (503).
    case bodyBufferFull = "body_buffer_full"
}

/// Counts of `ServerRefusal`s since the server started, for `/metrics`.
public final class ServerRefusalCounter: Sendable {
    private let counts = Mutex<[ServerRefusal: Int]>([:])

    init() {}

    func count(_ refusal: ServerRefusal) { counts.withLock { $0[refusal, default: 0] += 1 } }

    /// How many times each refusal happened (zero for those that never did).
    public func snapshot() -> [(refusal: ServerRefusal, count: Int)] {
        let counts = self.counts.withLock { $0 }
        return ServerRefusal.allCases.map { ($0, counts[$0] ?? 0) }
    }

    /// How many times `refusal` happened.
    public subscript(_ refusal: ServerRefusal) -> Int { counts.withLock { $0[refusal] ?? 0 } }
}
