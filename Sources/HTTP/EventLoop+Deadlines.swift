/// The refusals an event loop answers itself and the sweep that drives the connections' deadlines.
extension EventLoop {
    /// Serialises an answer the server gives itself (a parse error, a refused head, a deadline) and
    /// hands it to the connection's machine, which closes the connection once it is written.
    /// - Parameters:
    ///   - method: the request's method when known; a HEAD request's refusal carries no body.
    ///   - drain: the client may still be sending (a refused body): drop its bytes for a moment
    ///     before closing, so it reads the answer rather than a reset.
    func refusal(_ refusal: HTTPResponse, on connection: ServerConnection, method: String?,
                 drain: Bool) -> ConnectionStateMachine.Action {
        var response = refusal
        let requestID = RequestID.generate()
        response.headers.set("X-Request-Id", requestID)
        let bytes = response.serialized(includeBody: method != "HEAD", close: true, date: server.currentDate())
        server.report(AccessRecord(requestID: requestID, method: "-", path: "-", status: response.status,
                                   bytes: response.body.count, durationSeconds: 0, remoteAddress: connection.remoteAddress))
        return connection.machine.refuse(bytes, drain: drain)
    }

    /// Lets every connection's machine see the clock: late requests get 408, idle, stuck and drained
    /// connections are closed.
    func sweep(now: Double) {
        for connection in Array(connections.values) {
            perform(connection.machine.tick(now: now), on: connection, now: now)
        }
    }
}
