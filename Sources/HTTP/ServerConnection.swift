import Foundation

/// One client connection's state, owned by exactly one event loop thread.
final class ServerConnection {
    let fd: Int32
    let id: UInt64
    let remoteAddress: String
    /// The peer is a trusted proxy, not counted against the per-client connection limit.
    let exemptFromClientLimit: Bool
    /// Decides each request's body limit and admission from its head.
    let gate: HeadGate
    var parser: RequestParser
    var writeBuffer: [UInt8] = []
    var writeOffset = 0
    /// A request is with a worker; later pipelined requests wait so answers stay in order.
    var inFlight = false
    var closeAfterWrite = false
    /// Once the answer is written, the client's remaining bytes are read and dropped for a moment
    /// before closing, so a client still sending a refused body reads the answer, not a reset.
    var drainBeforeClose = false
    /// Reading and dropping input until `drainDeadline` or the client's close.
    var draining = false
    var drainDeadline: Double = 0
    var lastRead: Double
    var lastWriteProgress: Double
    /// When the first byte of the request being received arrived (0 when idle).
    var requestStarted: Double = 0
    /// Bytes received since `requestStarted`, for the minimum upload rate.
    var requestBytes = 0
    var readingEnabled = true
    /// The epoll events last registered, so unchanged interest costs no system call.
    var registeredEvents: UInt32 = 0

    /// - Parameters:
    ///   - gate: answers the parser's body-limit question for this connection's requests.
    init(fd: Int32, id: UInt64, remoteAddress: String, exemptFromClientLimit: Bool, limits: ParserLimits, gate: HeadGate,
         now: Double) {
        self.fd = fd
        self.id = id
        self.remoteAddress = remoteAddress
        self.exemptFromClientLimit = exemptFromClientLimit
        self.gate = gate
        var limits = limits
        limits.bodyLimit = { head in gate.bodyLimit(for: head) }
        self.parser = RequestParser(limits: limits)
        self.lastRead = now
        self.lastWriteProgress = now
    }

    var hasPendingWrites: Bool { writeOffset < writeBuffer.count }

    var pendingWriteCount: Int { writeBuffer.count - writeOffset }

    func enqueue(_ bytes: [UInt8]) {
        if writeOffset == writeBuffer.count {
            writeBuffer = bytes
            writeOffset = 0
        } else {
            writeBuffer.append(contentsOf: bytes)
        }
    }
}
