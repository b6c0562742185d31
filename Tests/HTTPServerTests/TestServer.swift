import Foundation
import HTTP

/// What a throwing handler throws: its text must never reach a client.
struct SecretFailure: Error, CustomStringConvertible {
    var description: String { "database password hunter2 rejected" }
}

/// The routes the socket tests talk to.
enum TestRoutes {
    /// `GET /ok`, `GET /name/{name}` (answers the name), `GET /sleep/{ms}`, `POST /echo` (answers the
    /// body) and `GET /boom` (throws) run on workers; `GET /inline/{name}`, `POST /inline/echo` and
    /// `GET /inline-boom` are the same answered on the event loop.
    static func router() -> Router {
        var router = Router()
        router.get("/ok") { _ in .text("ok") }
        router.get("/inline/{name}", inline: true) { request in .text(request.pathParameters["name"] ?? "") }
        router.post("/inline/echo", inline: true) { request in HTTPResponse(status: 200, body: request.body) }
        router.get("/inline-boom", inline: true) { _ in throw SecretFailure() }

        router.get("/name/{name}") { request in .text(request.pathParameters["name"] ?? "") }
        router.get("/sleep/{ms}") { request in
            let milliseconds = Int(request.pathParameters["ms"] ?? "") ?? 0
            Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
            return .text("slept \(milliseconds)")
        }
        router.post("/echo") { request in HTTPResponse(status: 200, body: request.body) }
        router.get("/boom") { _ in throw SecretFailure() }
        return router
    }
}

/// A configuration for an in-process server on an ephemeral port, with few threads and a short grace
/// period so a test that leaves a connection open still ends quickly.
func testConfiguration() -> HTTPServerConfiguration {
    var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
    configuration.loopThreads = 1
    configuration.workerThreads = 4
    configuration.gracePeriod = 2
    return configuration
}

/// Starts a server of our HTTP library in this process, runs `body` against it, then stops it and
/// waits for its loops to end.
/// - Parameters:
///   - configure: changes to `testConfiguration()` (limits, deadlines).
///   - handler: answers every request on a worker; the `TestRoutes` router, served with its inline
///     routes on the event loop, when nil.
///   - router: served instead of the `TestRoutes` router (when no handler is given).
///   - onAccess: receives the access records.
func withServer<T>(_ configure: (inout HTTPServerConfiguration) -> Void = { _ in }, handler: HTTPHandler? = nil,
                   router: Router? = nil, onAccess: (@Sendable (AccessRecord) -> Void)? = nil,
                   _ body: (HTTPServer) throws -> T) throws -> T {
    var configuration = testConfiguration()
    configure(&configuration)
    let server: HTTPServer
    if let handler {
        server = HTTPServer(configuration: configuration, handler: handler, onAccess: onAccess)
    } else {
        server = HTTPServer(configuration: configuration, router: router ?? TestRoutes.router(), onAccess: onAccess)
    }
    try server.start()
    defer {
        server.stop()
        server.wait()
    }
    return try body(server)
}

/// Asks `GET /ok` on a new connection and returns the answer: the server is still up and serving.
func answersOK(port: Int) throws -> RawResponse {
    let connection = try RawConnection(port: port)
    try connection.send(wireRequest("GET", "/ok", headers: ["Connection: close"]))
    return try connection.readResponse()
}

/// Asks `GET /ok` on new connections until one is answered 200 (a slot freed by a closing connection
/// is given back a moment after the close), at most 40 times.
/// - Returns: the last status (0 when no answer came).
func eventuallyAnswersOK(port: Int) throws -> Int {
    var status = 0
    for _ in 0..<40 where status != 200 {
        let newcomer = try RawConnection(port: port)
        try? newcomer.send(wireRequest("GET", "/ok", headers: ["Connection: close"]))
        status = (try? newcomer.readResponse().status) ?? 0
        if status != 200 { Thread.sleep(forTimeInterval: 0.05) }
    }
    return status
}
