import Synchronization

/// What the server decides from a request's head before reading its body.
enum HeadDecision {
    /// Read a body of at most `limit` bytes, holding `reserve` bytes of the body budget meanwhile.
    case read(limit: Int, reserve: Int)
    /// Answer this instead; the body is never read.
    case refuse(HTTPResponse)
}

/// Per-client connection slots, the body budget and the route's head-time decisions.
extension HTTPServer {
    /// Decides a request from its head: its route's body limit (a larger announced body is left to
    /// the parser's 413), then the route's admission check, then room in the body budget (503).
    func decide(_ head: HTTPRequest, from remoteAddress: String) -> HeadDecision {
        var request = head
        identify(&request, peer: remoteAddress)
        var options = RouteOptions.standard
        if let router {
            let match = router.match(request)
            request.pathParameters = match.parameters
            options = match.options
        }
        let limit = options.bodyBytes(for: request, limits: configuration.limits)
        let declared = request.headers["Content-Length"]
            .flatMap { $0.split(separator: ",").first }
            .flatMap { Int($0.trimmingASCIIWhitespace()) }
        if let declared, declared > limit { return .read(limit: limit, reserve: 0) }
        if let refusal = options.admission?(request) { return .refuse(refusal) }
        // A chunked body's size is unknown: it holds its limit.
        let reserve = min(declared ?? limit, limit)
        guard reserveBody(reserve) else {
            refusals.count(.bodyBufferFull)
            return .refuse(Self.busy(code: "server_busy", message: "too many uploads in progress; retry shortly"))
        }
        return .read(limit: limit, reserve: reserve)
    }

    /// Fills in who sent a request: the socket peer, and the client as the trusted proxies name it.
    /// The one place both are set, for the head-time admission checks and for the handlers alike.
    func identify(_ request: inout HTTPRequest, peer: String) {
        request.remoteAddress = peer
        request.clientAddress = configuration.trustedProxies.clientAddress(
            peer: peer, forwardedFor: request.headers.values("X-Forwarded-For"))
    }

    /// A 503 with Retry-After.
    static func busy(code: String, message: String) -> HTTPResponse {
        var response = HTTPResponse.error(503, code: code, message: message)
        response.headers.add("Retry-After", "1")
        return response
    }

    /// Holds `bytes` of the body budget.
    /// - Returns: false (nothing held) when that would exceed `maxBufferedBodyBytes`.
    func reserveBody(_ bytes: Int) -> Bool {
        guard bytes > 0 else { return true }
        let total = bufferedBodyBytes.wrappingAdd(bytes, ordering: .relaxed).newValue
        if total > configuration.maxBufferedBodyBytes {
            bufferedBodyBytes.wrappingSubtract(bytes, ordering: .relaxed)
            return false
        }
        return true
    }

    func releaseBody(_ bytes: Int) {
        if bytes > 0 { bufferedBodyBytes.wrappingSubtract(bytes, ordering: .relaxed) }
    }

    /// Bytes of request bodies held now.
    public var bufferedBodyByteCount: Int { bufferedBodyBytes.load(ordering: .relaxed) }

    /// Takes a connection slot for a client address.
    /// - Returns: nil when taken, else the limit that refused it (nothing taken).
    func reserveConnectionSlot(for address: String, exempt: Bool) -> ServerRefusal? {
        guard reserveConnectionSlot() else { return .connectionLimit }
        guard !exempt else { return nil }
        let admitted = clientConnections.withLock { counts -> Bool in
            let count = counts[address, default: 0]
            guard count < configuration.maxConnectionsPerClient else { return false }
            counts[address] = count + 1
            return true
        }
        if admitted { return nil }
        releaseConnectionSlot()
        return .clientConnectionLimit
    }

    /// Gives back a slot taken by `reserveConnectionSlot(for:exempt:)`.
    func releaseConnectionSlot(for address: String, exempt: Bool) {
        releaseConnectionSlot()
        guard !exempt else { return }
        clientConnections.withLock { counts in
            let count = counts[address, default: 1] - 1
            counts[address] = count > 0 ? count : nil
        }
    }

    /// Whether `address` is exempt from the per-client connection limit (a trusted proxy).
    func isExemptFromClientLimit(_ address: String) -> Bool {
        configuration.isTrustedPeer?(address) ?? false
    }
}
