import CLibPQ
import Glibc

/// A NOTIFY delivered on a channel this connection listens to.
public struct PostgresNotification: Sendable, Equatable {
    public let channel: String
    public let payload: String

    public init(channel: String, payload: String) {
        self.channel = channel
        self.payload = payload
    }
}

extension PostgresConnection {
    /// Subscribes this session to a channel. The name is quoted as an identifier, never interpolated raw.
    /// - Throws: `PostgresError` when the server refuses.
    public func listen(_ channel: String) throws {
        let quoted = "\"" + channel.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        try execute("LISTEN \(quoted)")
    }

    /// Waits up to `timeout` seconds for notifications by polling the libpq socket, then returns
    /// whatever arrived (possibly nothing). Notifications are hints: callers must not depend on them.
    /// - Throws: `PostgresError.connectionLost` when the socket broke.
    public func waitForNotifications(timeout: Double) throws -> [PostgresNotification] {
        var received = drainNotifications()
        if !received.isEmpty { return received }
        let fd = socket
        guard fd >= 0 else { throw connectionError() }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, min(timeout, 86_400)) * 1000)
        let ready = poll(&descriptor, 1, milliseconds)
        if ready < 0, errno != EINTR { throw PostgresError.connectionLost("poll failed: errno \(errno)") }
        if ready > 0 {
            guard PQconsumeInput(handle) == 1 else { throw connectionError() }
            received = drainNotifications()
        }
        return received
    }

    private func drainNotifications() -> [PostgresNotification] {
        var notifications: [PostgresNotification] = []
        while let notice = PQnotifies(handle) {
            let channel = String(cString: notice.pointee.relname)
            let payload = String(cString: notice.pointee.extra)
            PQfreemem(notice)
            notifications.append(PostgresNotification(channel: channel, payload: payload))
        }
        return notifications
    }
}
