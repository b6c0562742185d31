import Glibc

/// The refusals an event loop answers itself and the deadlines its sweep enforces.
extension EventLoop {
    /// Answers a request the server refuses itself (a parse error, a refused head, a deadline), then
    /// closes the connection once the answer is written.
    /// - Parameters:
    ///   - method: the request's method when known; a HEAD request's refusal carries no body.
    ///   - drain: the client may still be sending (a refused body): drop its bytes for a moment
    ///     before closing, so it reads the answer rather than a reset.
    func refuse(_ connection: ServerConnection, _ refusal: HTTPResponse, method: String?, drain: Bool = true,
                now: Double) {
        connection.drainBeforeClose = drain
        var response = refusal
        let requestID = RequestID.generate()
        response.headers.set("X-Request-Id", requestID)
        connection.enqueue(response.serialized(includeBody: method != "HEAD", close: true, date: server.currentDate()))
        connection.closeAfterWrite = true
        setReading(connection, false)
        server.report(AccessRecord(requestID: requestID, method: "-", path: "-", status: response.status,
                                   bytes: response.body.count, durationSeconds: 0, remoteAddress: connection.remoteAddress))
        flush(connection, now: now)
    }

    /// Seconds a refused client's further bytes are read and dropped before its connection is closed.
    static let drainSeconds = 2.0

    /// Ends the sending side after a refusal and reads what the client still sends, dropping it, until
    /// it closes or `drainSeconds` pass (the sweep closes it then).
    func drain(_ connection: ServerConnection, now: Double) {
        shutdown(connection.fd, Int32(SHUT_WR))
        connection.draining = true
        connection.drainDeadline = now + Self.drainSeconds
        connection.readingEnabled = true
        updateInterest(connection, wantsWrite: false)
    }

    /// Enforces the deadlines: slow heads and bodies, requests past their deadline and requests
    /// arriving slower than the minimum rate get 408; idle and stuck connections are closed.
    func sweep(now: Double) {
        let configuration = server.configuration
        for connection in Array(connections.values) {
            if connection.draining {
                if now > connection.drainDeadline { close(connection) }
                continue
            }
            if connection.hasPendingWrites {
                if now - connection.lastWriteProgress > configuration.writeTimeout { close(connection) }
                continue
            }
            if connection.inFlight { continue }
            if connection.parser.isIdle {
                if now - connection.lastRead > configuration.idleTimeout { close(connection) }
                continue
            }
            guard let late = lateness(of: connection, now: now, configuration) else { continue }
            server.refusals.count(late)
            server.releaseBody(connection.gate.finish().reserved)
            let message = late == .slowUpload ? "request arrived too slowly" : "request not received in time"
            refuse(connection, HTTPResponse.error(408, code: "request_timeout", message: message), method: nil, drain: false, now: now)
        }
    }

    /// Which deadline a connection receiving a request has missed, if any.
    private func lateness(of connection: ServerConnection, now: Double, _ configuration: HTTPServerConfiguration) -> ServerRefusal? {
        let started = connection.requestStarted > 0 ? connection.requestStarted : connection.lastRead
        let elapsed = now - started
        if connection.parser.isReceivingHead && elapsed > configuration.headerTimeout { return .headerTimeout }
        if now - connection.lastRead > configuration.bodyIdleTimeout { return .bodyStalled }
        if elapsed > configuration.requestTimeout { return .requestDeadline }
        if elapsed > configuration.uploadRateGrace
            && Double(connection.requestBytes) < configuration.minimumUploadRate * elapsed { return .slowUpload }
        return nil
    }
}
