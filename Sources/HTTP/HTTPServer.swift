import CLinux
import Foundation
import Glibc
import Synchronization

/// Errors starting or running the server.
public enum HTTPServerError: Error, CustomStringConvertible {
    case system(String, Int32)
    case badAddress(String)

    public var description: String {
        switch self {
        case .system(let call, let code): return "\(call) failed: \(String(cString: strerror(code)))"
        case .badAddress(let host): return "cannot listen on \(host): not an IPv4 address"
        }
    }
}

/// Our HTTP/1.1 server: epoll event loops for the sockets (and for routes that never block), a
/// worker pool for the other handlers.
public final class HTTPServer: @unchecked Sendable {
    /// As given, with the bound port's authorities added to `limits` by `start()`.
    public private(set) var configuration: HTTPServerConfiguration
    let workers: WorkerPool
    private let handler: HTTPHandler
    let router: Router?
    /// How often the server cut clients short, by reason (for `/metrics`).
    public let refusals = ServerRefusalCounter()
    private let onAccess: (@Sendable (AccessRecord) -> Void)?
    private let onError: (@Sendable (HTTPRequest, any Error) -> Void)?
    private var listenFD: Int32 = -1
    private var loops: [EventLoop] = []
    private var threads: [Thread] = []
    private let openConnections = Atomic<Int>(0)
    let clientConnections = Mutex<[String: Int]>([:])
    let bufferedBodyBytes = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let finished = NSCondition()
    private var runningLoops = 0
    private let dateCache = Mutex<(second: time_t, text: String)>((0, ""))
    /// The port actually bound (useful when configured as 0).
    public private(set) var port: Int = 0

    /// - Parameters:
    ///   - handler: answers every request that parsed, on a worker thread; thrown errors become the
    ///     answer they stand for (an `HTTPResponseError`), anything else a 500 with the request id.
    ///   - onAccess: called once per answered request (access log, metrics).
    ///   - onError: called with errors a handler threw other than `HTTPError`, before the client is answered.
    public init(configuration: HTTPServerConfiguration, handler: @escaping HTTPHandler,
                onAccess: (@Sendable (AccessRecord) -> Void)? = nil,
                onError: (@Sendable (HTTPRequest, any Error) -> Void)? = nil) {
        self.configuration = configuration
        self.handler = handler
        self.router = nil
        self.onAccess = onAccess
        self.onError = onError
        self.workers = WorkerPool(threads: configuration.workerThreads, name: "http-worker")
    }

    /// A server routing on its event loops: routes marked `inline` are answered right there, every
    /// other request on a worker thread.
    /// - Parameters:
    ///   - router: the routes; thrown errors become the answer they stand for, else a 500 with the
    ///     request id.
    ///   - onAccess: called once per answered request (access log, metrics), on a worker or, for
    ///     inline routes, on the event loop: it must not block.
    ///   - onError: called with errors a handler threw other than `HTTPError`, before the client is answered.
    public init(configuration: HTTPServerConfiguration, router: Router,
                onAccess: (@Sendable (AccessRecord) -> Void)? = nil,
                onError: (@Sendable (HTTPRequest, any Error) -> Void)? = nil) {
        self.configuration = configuration
        self.handler = { try router.respond(to: $0) }
        self.router = router
        self.onAccess = onAccess
        self.onError = onError
        self.workers = WorkerPool(threads: configuration.workerThreads, name: "http-worker")
    }

    /// Binds, listens and starts the event loops.
    /// - Throws: `HTTPServerError` when the address cannot be bound.
    public func start() throws {
        guard var address = SocketAddress.ipv4(host: configuration.host, port: configuration.port) else {
            throw HTTPServerError.badAddress(configuration.host)
        }
        let fd = SocketAddress.streamSocket()
        guard fd >= 0 else { throw HTTPServerError.system("socket", errno) }
        SocketAddress.setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            let code = errno
            Glibc.close(fd)
            throw HTTPServerError.system("bind \(configuration.host):\(configuration.port)", code)
        }
        guard listen(fd, 1024) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw HTTPServerError.system("listen", code)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: actual.sin_port))
        configuration.limits = configuration.limits(boundPort: port)
        listenFD = fd
        for index in 0..<configuration.loopThreads {
            let loop = try EventLoop(server: self, listenFD: fd, index: index)
            loops.append(loop)
        }
        finished.lock()
        runningLoops = loops.count
        finished.unlock()
        for (index, loop) in loops.enumerated() {
            let thread = Thread { [self] in
                loop.run()
                self.finished.lock()
                self.runningLoops -= 1
                self.finished.broadcast()
                self.finished.unlock()
            }
            thread.name = "http-loop-\(index)"
            threads.append(thread)
            thread.start()
        }
    }

    /// Stops accepting, lets in-flight requests finish within the grace period, closes the rest.
    public func stop() {
        guard !stopping.exchange(true, ordering: .sequentiallyConsistent) else { return }
        // New connections are refused at once; the descriptor itself is closed in wait().
        if listenFD >= 0 { shutdown(listenFD, Int32(SHUT_RDWR)) }
        for loop in loops { loop.beginStop(grace: configuration.gracePeriod) }
    }

    /// Blocks until every loop has ended (after `stop()`).
    public func wait() {
        finished.lock()
        while runningLoops > 0 { finished.wait() }
        finished.unlock()
        workers.shutdown()
        if listenFD >= 0 {
            Glibc.close(listenFD)
            listenFD = -1
        }
    }

    var isStopping: Bool { stopping.load(ordering: .relaxed) }

    /// The handler for a request and whether it may run on the event loop; sets the path parameters.
    /// - Parameters:
    ///   - admitted: the route's admission check already ran on the head (`decide`); otherwise it
    ///     runs here, and a refusal is answered on the event loop instead of the handler.
    func plan(_ request: inout HTTPRequest, admitted: Bool) -> (handler: HTTPHandler, inline: Bool) {
        guard let router else { return (handler, false) }
        let match = router.match(request)
        request.pathParameters = match.parameters
        if !admitted, let refusal = match.options.admission?(request) { return ({ _ in refusal }, true) }
        return (match.handler, match.inline)
    }

    /// Runs a handler and serialises its answer (with X-Request-Id, without a body for HEAD), and
    /// reports the access record.
    /// - Parameters:
    ///   - started: when the request was taken from the parser, on the monotonic clock.
    /// - Returns: the bytes to write and whether the connection stays open afterwards.
    func answer(_ request: HTTPRequest, with handler: HTTPHandler, started: Double) -> (bytes: [UInt8], keepAlive: Bool) {
        var response = respond(to: request, with: handler)
        response.headers.set("X-Request-Id", request.requestID)
        let keepAlive = request.wantsKeepAlive && !isStopping
        let bytes = response.serialized(includeBody: request.method != "HEAD", close: !keepAlive, date: currentDate())
        report(AccessRecord(requestID: request.requestID, method: request.method, path: request.path,
                            status: response.status, bytes: response.body.count,
                            durationSeconds: monotonicSeconds() - started, remoteAddress: request.clientAddress))
        return (bytes, keepAlive)
    }

    private func respond(to request: HTTPRequest, with handler: HTTPHandler) -> HTTPResponse {
        do {
            return try handler(request)
        } catch let error as HTTPError {
            return error.response
        } catch {
            onError?(request, error)
            if let answer = error as? any HTTPResponseError { return answer.jsonResponse }
            return .error(500, code: "internal_error",
                          message: "internal error; quote request id \(request.requestID) when reporting it",
                          extra: ["request_id": .string(request.requestID)])
        }
    }

    func report(_ record: AccessRecord) { onAccess?(record) }

    func reserveConnectionSlot() -> Bool {
        let now = openConnections.wrappingAdd(1, ordering: .relaxed).newValue
        if now > configuration.maxConnections {
            openConnections.wrappingSubtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    func releaseConnectionSlot() { openConnections.wrappingSubtract(1, ordering: .relaxed) }

    /// Client connections open now (a socket is closed before it stops counting).
    public var openConnectionCount: Int { openConnections.load(ordering: .relaxed) }

    /// The Date header, formatted once per second.
    func currentDate() -> String {
        let now = time(nil)
        return dateCache.withLock { cache in
            if cache.second != now { cache = (now, HTTPDate.format(now)) }
            return cache.text
        }
    }
}
