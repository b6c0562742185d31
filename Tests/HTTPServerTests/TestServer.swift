import Foundation
import HTTP

/// What a throwing handler throws: its text must never reach a client.
struct SecretFailure: Error, CustomStringConvertible {
    var description: String { "database password hunter2 rejected" }
}

/// The routes the socket tests talk to.
enum TestRoutes {
    /// `GET /ok`, `GET /name/{name}` (answers the name), `GET /sleep/{ms}`, `POST /echo` (answers the
    /// body) and `GET /boom` (throws).
    static func router() -> Router {
        var router = Router()
        router.get("/ok") { _ in .text("ok") }
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
///   - handler: answers requests; the `TestRoutes` router when nil.
func withServer<T>(_ configure: (inout HTTPServerConfiguration) -> Void = { _ in }, handler: HTTPHandler? = nil,
                   _ body: (HTTPServer) throws -> T) throws -> T {
    var configuration = testConfiguration()
    configure(&configuration)
    let router = TestRoutes.router()
    let server = HTTPServer(configuration: configuration, handler: handler ?? { try router.respond(to: $0) })
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
