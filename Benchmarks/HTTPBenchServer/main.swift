import Foundation
import Glibc
import HTTP

// A bare server of our HTTP library for `make bench`: GET /healthz and POST /echo (JSON in, JSON out).
// Usage: HTTPBenchServer PORT
let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 8090
var router = Router()
router.get("/healthz", inline: true) { _ in .json(["status": "ok"]) }
// Only reads the body it already has: answered on the event loop like /healthz.
router.post("/echo", inline: true) { request in
    .json(.object(try request.jsonBody().members))
}
let frozen = router
var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: port)
configuration.workerThreads = 8
let server = HTTPServer(configuration: configuration, router: frozen)
signal(SIGPIPE, SIG_IGN)
try server.start()
FileHandle.standardOutput.write(Data("listening on \(server.port)\n".utf8))
while true { sleep(3600) }
