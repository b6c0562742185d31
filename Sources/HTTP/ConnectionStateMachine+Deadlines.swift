/// The deadlines a connection keeps, as a value taken from the server's configuration.
struct ConnectionTimeouts: Sendable {
    var header: Double
    var bodyIdle: Double
    var request: Double
    var uploadRateGrace: Double
    /// Bytes a second a request must arrive at, after `uploadRateGrace`.
    var minimumUploadRate: Double
    var idle: Double
    var write: Double
    /// Seconds a refused client's further bytes are read and dropped before its connection is closed.
    var drain = 2.0

    init(header: Double, bodyIdle: Double, request: Double, uploadRateGrace: Double, minimumUploadRate: Double,
         idle: Double, write: Double) {
        self.header = header
        self.bodyIdle = bodyIdle
        self.request = request
        self.uploadRateGrace = uploadRateGrace
        self.minimumUploadRate = minimumUploadRate
        self.idle = idle
        self.write = write
    }

    init(_ configuration: HTTPServerConfiguration) {
        self.init(header: configuration.headerTimeout, bodyIdle: configuration.bodyIdleTimeout,
                  request: configuration.requestTimeout, uploadRateGrace: configuration.uploadRateGrace,
                  minimumUploadRate: configuration.minimumUploadRate, idle: configuration.idleTimeout,
                  write: configuration.writeTimeout)
    }
}

extension ConnectionStateMachine {
    /// The clock moved: slow heads and bodies, requests past their deadline and requests arriving
    /// slower than the minimum rate are refused (408); idle, stuck and drained connections are closed.
    mutating func tick(now: Double) -> Action {
        if draining { return now > drainDeadline ? .close : .wait }
        if hasPendingWrites { return now - lastWriteProgress > timeouts.write ? .close : .wait }
        if inFlight { return .wait }
        if parser.isIdle { return now - lastRead > timeouts.idle ? .close : .wait }
        return lateness(now: now).map { .refuseLate($0) } ?? .wait
    }

    /// Which deadline the request being received has missed, if any.
    private func lateness(now: Double) -> ServerRefusal? {
        let started = requestStarted > 0 ? requestStarted : lastRead
        let elapsed = now - started
        if parser.isReceivingHead && elapsed > timeouts.header { return .headerTimeout }
        if now - lastRead > timeouts.bodyIdle { return .bodyStalled }
        if elapsed > timeouts.request { return .requestDeadline }
        if elapsed > timeouts.uploadRateGrace && Double(requestBytes) < timeouts.minimumUploadRate * elapsed { return .slowUpload }
        return nil
    }
}
