import CLinux
import Foundation
import Glibc
import Synchronization

/// One thread multiplexing many connections with epoll. Inline routes are answered right here; other
/// handlers run on the worker pool and post their responses back here, so sockets are only ever
/// touched by their loop's thread.
final class EventLoop: @unchecked Sendable {
    let server: HTTPServer
    private let epollFD: Int32
    private let wakeFD: Int32
    private let listenFD: Int32
    private(set) var connections: [Int32: ServerConnection] = [:]
    private let pending = Mutex<[@Sendable (EventLoop) -> Void]>([])
    private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)
    private var nextID: UInt64 = 0
    private let index: UInt64
    private var stopping = false
    private var stopDeadline = 0.0
    private var lastSweep = 0.0
    private let timeouts: ConnectionTimeouts

    init(server: HTTPServer, listenFD: Int32, index: Int) throws {
        self.server = server
        self.listenFD = listenFD
        self.index = UInt64(index)
        timeouts = ConnectionTimeouts(server.configuration)
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard epollFD >= 0, wakeFD >= 0 else { throw HTTPServerError.system("epoll/eventfd", errno) }
        register(listenFD, events: EPOLLIN.rawValue | EPOLLEXCLUSIVE.rawValue, op: EPOLL_CTL_ADD)
        register(wakeFD, events: EPOLLIN.rawValue, op: EPOLL_CTL_ADD)
    }

    /// Runs a closure on this loop's thread.
    func execute(_ work: @escaping @Sendable (EventLoop) -> Void) {
        // Only the first closure of a batch wakes the loop: it takes the whole queue when it wakes.
        let wasEmpty = pending.withLock { queue -> Bool in
            queue.append(work)
            return queue.count == 1
        }
        guard wasEmpty else { return }
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    func run() {
        var events = [epoll_event](repeating: epoll_event(), count: 256)
        while true {
            let count = epoll_wait(epollFD, &events, Int32(events.count), 250)
            let now = monotonicSeconds()
            if count > 0 {
                for event in events[0..<Int(count)] {
                    let fd = event.data.fd
                    if fd == listenFD {
                        if !stopping { acceptConnections(now: now) }
                    } else if fd == wakeFD {
                        var value: UInt64 = 0
                        _ = read(wakeFD, &value, 8)
                        runPending()
                    } else if let connection = connections[fd] {
                        handle(event.events, on: connection, now: now)
                    }
                }
            }
            if now - lastSweep >= 0.5 {
                lastSweep = now
                sweep(now: now)
            }
            if stopping && (connections.isEmpty || now > stopDeadline) {
                for connection in Array(connections.values) { close(connection) }
                break
            }
        }
        Glibc.close(epollFD)
        Glibc.close(wakeFD)
    }

    /// Begins a graceful stop: no new connections, idle ones closed, in-flight ones finish.
    func beginStop(grace: Double) {
        execute { loop in
            loop.stopping = true
            loop.stopDeadline = monotonicSeconds() + grace
            loop.register(loop.listenFD, events: 0, op: EPOLL_CTL_DEL)
            for connection in Array(loop.connections.values) {
                loop.perform(connection.machine.stop(), on: connection, now: monotonicSeconds())
            }
        }
    }

    private func runPending() {
        let work = pending.withLock { queue -> [@Sendable (EventLoop) -> Void] in
            let taken = queue
            queue.removeAll(keepingCapacity: true)
            return taken
        }
        for item in work { item(self) }
    }

    // MARK: accepting

    private func acceptConnections(now: Double) {
        while true {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    accept(listenFD, $0, &length)
                }
            }
            if fd < 0 { return }
            SocketAddress.setNonBlocking(fd)
            let address = SocketAddress.describe(storage)
            let exempt = server.isExemptFromClientLimit(address)
            if let refusal = server.reserveConnectionSlot(for: address, exempt: exempt) {
                server.refusals.count(refusal)
                let response = refusal == .connectionLimit ? Self.serverFull : Self.clientFull
                let bytes = response.serialized(close: true, date: server.currentDate())
                _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                Glibc.close(fd)
                continue
            }
            SocketAddress.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
            nextID += 1
            let connection = ServerConnection(fd: fd, id: nextID << 8 | index, remoteAddress: address, exemptFromClientLimit: exempt,
                                              limits: server.configuration.limits, timeouts: timeouts,
                                              gate: HeadGate(server: server, remoteAddress: address), now: now)
            connections[fd] = connection
            connection.registeredEvents = interest(connection)
            register(fd, events: connection.registeredEvents, op: EPOLL_CTL_ADD)
        }
    }

    /// The answer to a connection beyond `maxConnections`.
    private static let serverFull = HTTPServer.busy(code: "overloaded", message: "server is at its connection limit; retry shortly")

    /// The answer to a connection beyond `maxConnectionsPerClient`.
    private static let clientFull: HTTPResponse = {
        var response = HTTPResponse.error(429, code: "too_many_connections",
                                          message: "too many connections from your address; close one and retry")
        response.headers.add("Retry-After", "1")
        return response
    }()

    // MARK: connection events

    private func handle(_ events: UInt32, on connection: ServerConnection, now: Double) {
        if events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 {
            perform(connection.machine.hangUp(), on: connection, now: now)
            if connections[connection.fd] !== connection { return }
        }
        if events & EPOLLOUT.rawValue != 0 {
            perform(.write, on: connection, now: now)
            if connections[connection.fd] !== connection { return }
        }
        if events & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue) != 0 && connection.machine.reading {
            readAvailable(connection, now: now)
        }
    }

    private func readAvailable(_ connection: ServerConnection, now: Double) {
        let count = readBuffer.withUnsafeMutableBytes { recv(connection.fd, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            perform(connection.machine.bytesRead(readBuffer[0..<count], now: now), on: connection, now: now)
        } else if count == 0 {
            perform(connection.machine.endOfInput(), on: connection, now: now)
        } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
            close(connection)
        }
    }

    func close(_ connection: ServerConnection) {
        guard connections[connection.fd] === connection else { return }
        connections[connection.fd] = nil
        register(connection.fd, events: 0, op: EPOLL_CTL_DEL)
        if connection.machine.draining {
            DiscardingClose.close(connection.fd)
        } else {
            Glibc.close(connection.fd)
        }
        server.releaseBody(connection.gate.finish().reserved)
        server.releaseConnectionSlot(for: connection.remoteAddress, exempt: connection.exemptFromClientLimit)
    }

    func register(_ fd: Int32, events: UInt32, op: Int32) {
        var event = epoll_event()
        event.events = events
        event.data.fd = fd
        _ = epoll_ctl(epollFD, op, fd, &event)
    }
}

/// Seconds on a clock that never jumps, for deadlines.
public func monotonicSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1_000_000_000
}
