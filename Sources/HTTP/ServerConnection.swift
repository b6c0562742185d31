import Foundation

/// One client connection's state, owned by exactly one event loop thread.
final class ServerConnection {
    let fd: Int32
    let id: UInt64
    let remoteAddress: String
    var parser: RequestParser
    var writeBuffer: [UInt8] = []
    var writeOffset = 0
    /// A request is with a worker; later pipelined requests wait so answers stay in order.
    var inFlight = false
    var closeAfterWrite = false
    var lastRead: Double
    var lastWriteProgress: Double
    /// When the first byte of the request being received arrived (0 when idle).
    var requestStarted: Double = 0
    var readingEnabled = true
    /// The epoll events last registered, so unchanged interest costs no system call.
    var registeredEvents: UInt32 = 0

    init(fd: Int32, id: UInt64, remoteAddress: String, limits: ParserLimits, now: Double) {
        self.fd = fd
        self.id = id
        self.remoteAddress = remoteAddress
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
