import Foundation
import HTTP
import Postgres
import ServiceKit

/// Open311 GeoReport v2 under `/open311/v2/`, in JSON and XML. The router matches whole path
/// segments, so `requests.json` is one segment: every path below `/open311/v2/` comes here and is
/// dispatched by its name and extension. Errors always take Open311's own shape.
struct Open311Routes: Sendable {
    /// The primary: what a submission reads to decide, and writes.
    let pool: PostgresPool
    /// The lists and requests clients read (lag-tolerant: on the read replica when there is one).
    let reads: ReadPool
    let logger: Logger
    let settings: Open311Settings

    func router() -> Router {
        var router = Router()
        let routes = self
        router.group("/open311", errors: errors) { open311 in
            open311.get("/v2/*") { request, _ in try routes.respond(to: request, below: 2) }
            open311.post("/v2/*") { request, _ in try routes.respond(to: request, below: 2) }
            // Other methods get Open311's 405 rather than the router's own error shape.
            for method in ["PUT", "PATCH", "DELETE"] {
                open311.add(method, "/v2/*") { request, _ in try routes.respond(to: request, below: 2) }
            }
            // Discovery is also found one level up, beside the versions it lists.
            open311.get("/{file}") { request, _ in try routes.respond(to: request, below: 1) }
        }
        return router
    }

    /// Answers one request; `below` is how many leading path segments name the API's root. Its
    /// errors take Open311's shape in the group's renderer (`errors`).
    func respond(to request: HTTPRequest, below: Int) throws -> HTTPResponse {
        let resource = Open311Resource(segments: Array(request.pathSegments.dropFirst(below)))
        guard let format = resource.format else {
            let sent = resource.fileExtension.map { "format .\($0) is not offered" } ?? "no format was given"
            return Open311Error(404, "\(sent): use .json or .xml, e.g. /open311/v2/services.json").response(nil)
        }
        if below == 1 && resource.segments != ["discovery"] {
            throw Open311Error.notFound("no such resource: \(request.path)")
        }
        return try dispatch(request, resource.segments, format)
    }

    private func dispatch(_ request: HTTPRequest, _ segments: [String], _ format: Open311Format) throws -> HTTPResponse {
        let method = request.method == "HEAD" ? "GET" : request.method
        func only(_ allowed: String) throws {
            guard method == allowed else { throw Open311Error.methodNotAllowed(allow: allowed == "GET" ? "GET, HEAD" : allowed) }
        }
        switch segments {
        case ["discovery"]:
            try only("GET")
            return format.response(Open311Discovery.document(for: request, settings: settings))
        case ["services"]:
            try only("GET")
            return format.response(Open311Service.list(try reads.withConnection(for: request) { try Open311Service.all(on: $0) }))
        case let path where path.count == 2 && path[0] == "services":
            try only("GET")
            return format.response(try service(path[1]).definition)
        case ["requests"]:
            switch method {
            case "GET": return try listRequests(request, format)
            case "POST": return try submit(request, format)
            default: throw Open311Error.methodNotAllowed(allow: "GET, HEAD, POST")
            }
        case let path where path.count == 2 && path[0] == "requests":
            try only("GET")
            return try showRequest(request, path[1], format)
        case let path where path.count == 2 && path[0] == "tokens":
            try only("GET")
            return try showToken(request, path[1], format)
        default:
            throw Open311Error.notFound("no such resource: \(request.path)")
        }
    }

    /// - Throws: `Open311Error` 404 when no service has this code.
    func service(_ code: String) throws -> Open311Service {
        guard let service = try pool.withConnection({ try Open311Service.all(on: $0) }).first(where: { $0.code == code }) else {
            throw Open311Error.notFound("service_code \(code) was not found")
        }
        return service
    }
}
