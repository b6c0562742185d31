import Foundation
import HTTP
import Postgres
import ServiceKit

/// Open311 GeoReport v2 under `/open311/v2/`, in JSON and XML. The router matches whole path
/// segments, so `requests.json` is one segment: every path below `/open311/v2/` comes here and is
/// dispatched by its name and extension. Errors always take Open311's own shape.
struct Open311Routes: Sendable {
    let pool: PostgresPool
    let logger: Logger
    let settings: Open311Settings

    func router() -> Router {
        var router = Router()
        let routes = self
        router.get("/open311/v2/*") { request in routes.respond(to: request, below: 2) }
        router.post("/open311/v2/*") { request in routes.respond(to: request, below: 2) }
        // Other methods get Open311's 405 rather than the router's own error shape.
        for method in ["PUT", "PATCH", "DELETE"] {
            router.add(method, "/open311/v2/*") { request in routes.respond(to: request, below: 2) }
        }
        // Discovery is also found one level up, beside the versions it lists.
        router.get("/open311/{file}") { request in routes.respond(to: request, below: 1) }
        return router
    }

    /// Answers one request; `below` is how many leading path segments name the API's root.
    func respond(to request: HTTPRequest, below: Int) -> HTTPResponse {
        let resource = Open311Resource(segments: Array(request.pathSegments.dropFirst(below)))
        guard let format = resource.format else {
            let sent = resource.fileExtension.map { "format .\($0) is not offered" } ?? "no format was given"
            return Open311Error(404, "\(sent): use .json or .xml, e.g. /open311/v2/services.json").response(nil)
        }
        do {
            if below == 1 && resource.segments != ["discovery"] {
                throw Open311Error.notFound("no such resource: \(request.path)")
            }
            return try dispatch(request, resource.segments, format)
        } catch let error as Open311Error {
            var response = error.response(format)
            if error.status == 405, let allow = error.allow { response.headers.add("Allow", allow) }
            return response
        } catch {
            guard let answer = HTTPError(answering: error) else {
                logger.handlerFailed(request, error)
                return Open311Error(500, "internal error; quote request id \(request.requestID)").response(format)
            }
            if !(error is HTTPError) {
                logger.warning("open311 request failed", ["id": request.requestID, "error": String(describing: error)])
            }
            var response = Open311Error(answer.status, answer.message).response(format)
            if let wait = answer.headers["Retry-After"] { response.headers.add("Retry-After", wait) }
            return response
        }
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
            return format.response(Open311Service.list(try pool.withConnection { try Open311Service.all(on: $0) }))
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
            return try showToken(path[1], format)
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
