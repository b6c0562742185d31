/// A handler answers one request. Handlers run on worker threads and may block (database calls).
public typealias HTTPHandler = @Sendable (HTTPRequest) throws -> HTTPResponse

/// Matches method and path (with `{name}` parameters and a trailing `*` wildcard) to handlers.
/// A path that exists with another method answers 405 with Allow; an unknown method answers 501.
public struct Router: Sendable {
    struct Route: Sendable {
        let method: String
        let pattern: [String]
        let handler: HTTPHandler
    }

    /// Methods the server knows; anything else is 501.
    public static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE"]

    private var routes: [Route] = []
    /// Answers requests no route matches (the gateway forwards them); 404 when nil.
    public var fallback: HTTPHandler?

    public init() {}

    /// Adds a route. `pattern` is a path such as `/api/v1/complaints/{code}`; a last segment `*`
    /// matches any rest of the path.
    public mutating func add(_ method: String, _ pattern: String, _ handler: @escaping HTTPHandler) {
        routes.append(Route(method: method, pattern: pattern.split(separator: "/").map(String.init), handler: handler))
    }

    public mutating func get(_ pattern: String, _ handler: @escaping HTTPHandler) { add("GET", pattern, handler) }
    public mutating func post(_ pattern: String, _ handler: @escaping HTTPHandler) { add("POST", pattern, handler) }

    /// Adds every route of another router (its fallback is ignored).
    public mutating func merge(_ other: Router) { routes.append(contentsOf: other.routes) }

    /// Finds the handler for a request, or the error response to send instead.
    public func route(_ request: HTTPRequest) -> (handler: HTTPHandler, parameters: [String: String])? {
        guard Self.knownMethods.contains(request.method) else {
            return ({ _ in .error(501, code: "not_implemented", message: "method \(request.method) is not implemented") }, [:])
        }
        var allowed: [String] = []
        for route in routes {
            guard let parameters = match(route.pattern, request.pathSegments) else { continue }
            if route.method == request.method || (request.method == "HEAD" && route.method == "GET") {
                return (route.handler, parameters)
            }
            allowed.append(route.method)
        }
        if let fallback { return (fallback, [:]) }
        if !allowed.isEmpty {
            var methods = Array(Set(allowed))
            if methods.contains("GET") && !methods.contains("HEAD") { methods.append("HEAD") }
            let allow = methods.sorted().joined(separator: ", ")
            return ({ _ in
                var response = HTTPResponse.error(405, code: "method_not_allowed", message: "use one of: \(allow)")
                response.headers.add("Allow", allow)
                return response
            }, [:])
        }
        return nil
    }

    /// Handles a request completely: routing, parameters, 404/405/501.
    public func respond(to request: HTTPRequest) throws -> HTTPResponse {
        guard let (handler, parameters) = route(request) else {
            return .error(404, code: "not_found", message: "no such resource: \(request.path)")
        }
        var routed = request
        routed.pathParameters = parameters
        return try handler(routed)
    }

    private func match(_ pattern: [String], _ segments: [String]) -> [String: String]? {
        var parameters: [String: String] = [:]
        for (index, part) in pattern.enumerated() {
            if part == "*" && index == pattern.count - 1 { return parameters }
            guard index < segments.count else { return nil }
            if part.hasPrefix("{") && part.hasSuffix("}") {
                parameters[String(part.dropFirst().dropLast())] = segments[index]
            } else if part != segments[index] {
                return nil
            }
        }
        return pattern.count == segments.count ? parameters : nil
    }
}
