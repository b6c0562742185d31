/// One client connection, owned by exactly one event loop thread: its socket and identity, the head
/// gate that asks the server about each request, and the state machine that decides everything else.
final class ServerConnection {
    let fd: Int32
    let id: UInt64
    let remoteAddress: String
    /// The peer is a trusted proxy, not counted against the per-client connection limit.
    let exemptFromClientLimit: Bool
    /// Decides each request's body limit and admission from its head.
    let gate: HeadGate
    var machine: ConnectionStateMachine
    /// The epoll events last registered, so unchanged interest costs no system call.
    var registeredEvents: UInt32 = 0

    /// - Parameters:
    ///   - gate: answers the parser's body-limit question for this connection's requests.
    init(fd: Int32, id: UInt64, remoteAddress: String, exemptFromClientLimit: Bool, limits: ParserLimits,
         timeouts: ConnectionTimeouts, gate: HeadGate, now: Double) {
        self.fd = fd
        self.id = id
        self.remoteAddress = remoteAddress
        self.exemptFromClientLimit = exemptFromClientLimit
        self.gate = gate
        var limits = limits
        limits.bodyLimit = { head in gate.bodyLimit(for: head) }
        machine = ConnectionStateMachine(parser: RequestParser(limits: limits), timeouts: timeouts, now: now)
    }
}
