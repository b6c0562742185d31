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

    init(server: HTTPServer, listenFD: Int32, index: Int) throws {
        self.server = server
        self.listenFD = listenFD
        self.index = UInt64(index)
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
                if !connection.inFlight && !connection.hasPendingWrites && connection.parser.isIdle {
                    loop.close(connection)
                } else {
                    connection.closeAfterWrite = true
                }
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
                                              limits: server.configuration.limits,
                                              gate: HeadGate(server: server, remoteAddress: address), now: now)
            connections[fd] = connection
            connection.registeredEvents = EPOLLIN.rawValue | EPOLLRDHUP.rawValue
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
        if events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 && !connection.inFlight {
            close(connection)
            return
        }
        if events & EPOLLOUT.rawValue != 0 {
            flush(connection, now: now)
            if connections[connection.fd] !== connection { return }
        }
        if events & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue) != 0 && connection.readingEnabled {
            readAvailable(connection, now: now)
        }
    }

    private func readAvailable(_ connection: ServerConnection, now: Double) {
        let count = readBuffer.withUnsafeMutableBytes { recv(connection.fd, $0.baseAddress, $0.count, 0) }
        if connection.draining {
            if count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) { close(connection) }
            return
        }
        if count == 0 {
            // The peer closed its side; nothing more can be answered once in-flight work is written.
            if connection.inFlight || connection.hasPendingWrites {
                connection.closeAfterWrite = true
                setReading(connection, false)
            } else {
                close(connection)
            }
            return
        }
        if count < 0 {
            if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR { close(connection) }
            return
        }
        if connection.parser.isIdle {
            connection.requestStarted = now
            connection.requestBytes = 0
        }
        connection.requestBytes += count
        connection.lastRead = now
        connection.parser.append(readBuffer[0..<count])
        processNext(connection, now: now)
    }

    /// Takes the next complete requests from the parser while none is with a worker: inline routes are
    /// answered here, in order, and their answers written together; the first request for a worker
    /// stops the loop until its answer is back.
    private func processNext(_ connection: ServerConnection, now: Double) {
        var answered = false
        taking: while !connection.inFlight && !connection.closeAfterWrite {
            switch connection.parser.next() {
            case .needMore:
                setReading(connection, true)
                break taking
            case .expectsContinue(let head):
                // A chunked body's head is decided here, so a refused client is not invited to send it.
                _ = connection.gate.bodyLimit(for: head)
                if connection.gate.refusal != nil {
                    let outcome = connection.gate.finish()
                    server.releaseBody(outcome.reserved)
                    refuse(connection, outcome.refusal!, method: head.method, now: now)
                    return
                }
                connection.enqueue(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
                flush(connection, now: now)
                if connections[connection.fd] !== connection { return }
                answered = false  // that flush wrote them
            case .failure(let error):
                // A head the gate refused was given no room for its body; its own answer replaces the 413.
                let outcome = connection.gate.finish()
                server.releaseBody(outcome.reserved)
                let response = outcome.refusal ?? HTTPResponse.error(error.status, code: error.code, message: error.message)
                refuse(connection, response, method: connection.parser.lastRequestMethod, now: now)
                return
            case .request(var request):
                let outcome = connection.gate.finish()
                connection.requestStarted = 0
                connection.requestBytes = connection.parser.bufferedByteCount
                server.identify(&request, peer: connection.remoteAddress)
                request.requestID = RequestID.accept(request.headers["X-Request-Id"])
                let (handler, inline) = server.plan(&request, admitted: outcome.decided)
                if inline {
                    let (bytes, keepAlive) = server.answer(request, with: handler, started: monotonicSeconds())
                    server.releaseBody(outcome.reserved)
                    connection.enqueue(bytes)
                    answered = true
                    if !keepAlive {
                        connection.closeAfterWrite = true
                        setReading(connection, false)
                    }
                    // A client pipelining faster than it reads is not answered further until it reads.
                    if connection.pendingWriteCount >= Self.pendingWriteLimit {
                        flush(connection, now: now)
                        return
                    }
                    continue
                }
                connection.inFlight = true
                setReading(connection, false)
                dispatch(request, to: handler, on: connection, reserved: outcome.reserved)
                break taking
            }
        }
        if answered { flush(connection, now: now) }
    }

    /// Bytes of inline answers queued on a connection before they must be written out.
    static let pendingWriteLimit = 256 * 1024

    /// - Parameters:
    ///   - reserved: bytes of the body budget the request holds, given back once it is answered.
    private func dispatch(_ request: HTTPRequest, to handler: @escaping HTTPHandler, on connection: ServerConnection,
                          reserved: Int) {
        let fd = connection.fd
        let id = connection.id
        let started = monotonicSeconds()
        let server = self.server
        server.workers.submit {
            // The access record is reported here, on the worker, so the event loop never waits for it.
            let (bytes, keepAlive) = server.answer(request, with: handler, started: started)
            server.releaseBody(reserved)
            self.execute { loop in
                guard let connection = loop.connections[fd], connection.id == id else { return }
                connection.inFlight = false
                if !keepAlive { connection.closeAfterWrite = true }
                connection.enqueue(bytes)
                loop.flush(connection, now: monotonicSeconds())
            }
        }
    }

    func flush(_ connection: ServerConnection, now: Double) {
        while connection.hasPendingWrites {
            let written = connection.writeBuffer.withUnsafeBytes { bytes in
                send(connection.fd, bytes.baseAddress! + connection.writeOffset,
                     bytes.count - connection.writeOffset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    // No more requests are read until the client takes its answers.
                    connection.readingEnabled = false
                    updateInterest(connection, wantsWrite: true)
                    return
                }
                if errno == EINTR { continue }
                close(connection)
                return
            }
            connection.writeOffset += written
            connection.lastWriteProgress = now
        }
        connection.writeBuffer.removeAll(keepingCapacity: true)
        connection.writeOffset = 0
        if connection.closeAfterWrite && !connection.inFlight {
            if connection.drainBeforeClose { drain(connection, now: now) } else { close(connection) }
            return
        }
        connection.readingEnabled = !connection.inFlight
        // The idle clock starts when the answer is out, not when the request came in.
        connection.lastRead = now
        updateInterest(connection, wantsWrite: false)
        // Pipelined requests already buffered are answered next, in order.
        if !connection.inFlight && connection.parser.bufferedByteCount > 0 {
            connection.requestStarted = now
            connection.requestBytes = connection.parser.bufferedByteCount
            processNext(connection, now: now)
        }
    }

    func setReading(_ connection: ServerConnection, _ enabled: Bool) {
        guard connection.readingEnabled != enabled else { return }
        connection.readingEnabled = enabled
        updateInterest(connection, wantsWrite: connection.hasPendingWrites)
    }

    /// Tells epoll what the connection waits for, when that changed.
    func updateInterest(_ connection: ServerConnection, wantsWrite: Bool) {
        let events = interest(connection, wantsWrite: wantsWrite)
        guard events != connection.registeredEvents else { return }
        connection.registeredEvents = events
        register(connection.fd, events: events, op: EPOLL_CTL_MOD)
    }

    private func interest(_ connection: ServerConnection, wantsWrite: Bool) -> UInt32 {
        // A peer's half-close is only looked at while reading; registered otherwise, level-triggered
        // epoll would report it on every wait until reading resumes, spinning the loop.
        var events: UInt32 = 0
        if connection.readingEnabled { events |= EPOLLIN.rawValue | EPOLLRDHUP.rawValue }
        if wantsWrite { events |= EPOLLOUT.rawValue }
        return events
    }

    func close(_ connection: ServerConnection) {
        guard connections[connection.fd] === connection else { return }
        connections[connection.fd] = nil
        register(connection.fd, events: 0, op: EPOLL_CTL_DEL)
        Glibc.close(connection.fd)
        server.releaseBody(connection.gate.finish().reserved)
        server.releaseConnectionSlot(for: connection.remoteAddress, exempt: connection.exemptFromClientLimit)
    }

    private func register(_ fd: Int32, events: UInt32, op: Int32) {
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
