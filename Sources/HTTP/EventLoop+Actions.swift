import CLinux
import Glibc

/// The thin shell around each connection's `ConnectionStateMachine`: it performs the actions the
/// machine returns (system calls, the server's routing and admission, the worker pool) and reports
/// their outcome back as the next event.
extension EventLoop {
    func perform(_ first: ConnectionStateMachine.Action, on connection: ServerConnection, now: Double) {
        var action = first
        while true {
            switch action {
            case .wait:
                updateInterest(connection)
                return
            case .close:
                close(connection)
                return
            case .write:
                guard let next = write(connection, now: now) else { return }
                action = next
            case .drain:
                shutdown(connection.fd, Int32(SHUT_WR))
                action = .wait
            case .handle(let request):
                action = handle(request, on: connection)
            case .admitContinue(let head):
                // A chunked body's head is decided here, so a refused client is not invited to send it.
                _ = connection.gate.bodyLimit(for: head)
                if connection.gate.refusal != nil {
                    let outcome = connection.gate.finish()
                    server.releaseBody(outcome.reserved)
                    action = refusal(outcome.refusal!, on: connection, method: head.method, drain: true)
                } else {
                    action = connection.machine.continueAdmitted()
                }
            case .refuseMalformed(let error, let method):
                // A head the gate refused was given no room for its body; its own answer replaces the 413.
                let outcome = connection.gate.finish()
                server.releaseBody(outcome.reserved)
                let response = outcome.refusal ?? HTTPResponse.error(error.status, code: error.code, message: error.message)
                action = refusal(response, on: connection, method: method, drain: true)
            case .refuseLate(let late):
                server.refusals.count(late)
                server.releaseBody(connection.gate.finish().reserved)
                let message = late == .slowUpload ? "request arrived too slowly" : "request not received in time"
                action = refusal(HTTPResponse.error(408, code: "request_timeout", message: message), on: connection,
                                 method: nil, drain: false)
            }
        }
    }

    /// Routes a parsed request: answered here when its route is inline, else on a worker.
    private func handle(_ parsed: HTTPRequest, on connection: ServerConnection) -> ConnectionStateMachine.Action {
        var request = parsed
        let outcome = connection.gate.finish()
        server.identify(&request, peer: connection.remoteAddress)
        request.requestID = RequestID.accept(request.headers["X-Request-Id"])
        let (handler, inline) = server.plan(&request, admitted: outcome.decided)
        guard inline else {
            dispatch(request, to: handler, on: connection, reserved: outcome.reserved)
            return connection.machine.dispatched()
        }
        let (bytes, keepAlive) = server.answer(request, with: handler, started: monotonicSeconds())
        server.releaseBody(outcome.reserved)
        return connection.machine.answered(bytes, keepAlive: keepAlive)
    }

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
                loop.perform(connection.machine.workerAnswered(bytes, keepAlive: keepAlive), on: connection,
                             now: monotonicSeconds())
            }
        }
    }

    /// Writes what the machine has queued; nil when the connection was closed.
    private func write(_ connection: ServerConnection, now: Double) -> ConnectionStateMachine.Action? {
        while true {
            let written = connection.machine.pendingWrite.withUnsafeBytes { bytes in
                send(connection.fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            }
            if written >= 0 {
                let next = connection.machine.wrote(written, now: now)
                if case .write = next { continue }
                return next
            }
            if errno == EAGAIN || errno == EWOULDBLOCK { return connection.machine.blocked() }
            if errno == EINTR { continue }
            close(connection)
            return nil
        }
    }

    /// Tells epoll what the connection waits for, when that changed.
    func updateInterest(_ connection: ServerConnection) {
        let events = interest(connection)
        guard events != connection.registeredEvents else { return }
        connection.registeredEvents = events
        register(connection.fd, events: events, op: EPOLL_CTL_MOD)
    }

    func interest(_ connection: ServerConnection) -> UInt32 {
        // A peer's half-close is only looked at while reading; registered otherwise, level-triggered
        // epoll would report it on every wait until reading resumes, spinning the loop.
        var events: UInt32 = 0
        if connection.machine.reading { events |= EPOLLIN.rawValue | EPOLLRDHUP.rawValue }
        if connection.machine.writeBlocked { events |= EPOLLOUT.rawValue }
        return events
    }
}
