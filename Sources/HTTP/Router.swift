/// A handler answers one request. Handlers run on worker threads and may block (database calls).
public typealias HTTPHandler = @Sendable (HTTPRequest) throws -> HTTPResponse

/// Matches method and path (with `{name}` parameters and a trailing `*` wildcard) to handlers.
/// A path that exists with another method answers 405 with Allow; a method not in
/// `HTTPMethodRegistry` answers 501.
public struct Router: Sendable {
    struct Route: Sendable {
        let method: String
        let pattern: [Segment]
        let handler: HTTPHandler
        let inline: Bool
        let options: RouteOptions
        /// The pattern ends in `*`.
        let isPrefix: Bool

        /// A route at `pattern`, a path such as `/api/v1/complaints/{code}`, its segments classified once.
        init(method: String, pattern: String, handler: @escaping HTTPHandler, inline: Bool, options: RouteOptions) {
            let parts = pattern.split(separator: "/").map(String.init)
            let segments = parts.enumerated().map { index, part -> Segment in
                if part == "*" && index == parts.count - 1 { return .rest }
                if part.hasPrefix("{") && part.hasSuffix("}") { return .parameter(String(part.dropFirst().dropLast())) }
                return .literal(part)
            }
            self.init(method: method, pattern: segments, handler: handler, inline: inline, options: options, isPrefix: parts.last == "*")
        }

        init(method: String, pattern: [Segment], handler: @escaping HTTPHandler, inline: Bool, options: RouteOptions, isPrefix: Bool) {
            self.method = method
            self.pattern = pattern
            self.handler = handler
            self.inline = inline
            self.options = options
            self.isPrefix = isPrefix
        }
    }

    /// A pattern's segment, classified once when the route is added.
    enum Segment: Sendable {
        case literal(String)
        case parameter(String)
        case rest
    }

    private var routes: [Route] = []

    /// The method of a route that takes every method the registry knows (a proxy's prefix, whose
    /// owner answers 405 with its own Allow).
    public static let anyMethod = "*"

    public init() {}

    /// Adds a route. `pattern` is a path such as `/api/v1/complaints/{code}`; a last segment `*`
    /// matches any rest of the path.
    /// - Parameters:
    ///   - inline: the handler never blocks (no database, upstream, file or sleep) and is quick, so a
    ///     server serving this router runs it on the event loop thread instead of handing it to a
    ///     worker. Decided once, here, per route.
    ///   - options: the route's body limit and head-time admission check.
    public mutating func add(_ method: String, _ pattern: String, inline: Bool = false, options: RouteOptions = .standard,
                             _ handler: @escaping HTTPHandler) {
        routes.append(Route(method: method, pattern: pattern, handler: handler, inline: inline, options: options))
    }

    mutating func append(_ route: Route) { routes.append(route) }

    public mutating func get(_ pattern: String, inline: Bool = false, options: RouteOptions = .standard,
                             _ handler: @escaping HTTPHandler) {
        add("GET", pattern, inline: inline, options: options, handler)
    }

    public mutating func post(_ pattern: String, inline: Bool = false, options: RouteOptions = .standard,
                              _ handler: @escaping HTTPHandler) {
        add("POST", pattern, inline: inline, options: options, handler)
    }

    /// Every route's handler passed through `middleware`, which must not block where the route is
    /// inline.
    public func wrapped(_ middleware: @escaping @Sendable (@escaping HTTPHandler) -> HTTPHandler) -> Router {
        var copy = self
        copy.routes = routes.map { Route(method: $0.method, pattern: $0.pattern, handler: middleware($0.handler), inline: $0.inline, options: $0.options,
                                         isPrefix: $0.isPrefix) }
        return copy
    }

    /// Adds every route of another router.
    public mutating func merge(_ other: Router) { routes.append(contentsOf: other.routes) }

    /// Finds the handler for a request, or the error response to send instead.
    public func route(_ request: HTTPRequest) -> (handler: HTTPHandler, parameters: [String: String])? {
        let match = match(request)
        guard !match.isNotFound else { return nil }
        return (match.handler, match.parameters)
    }

    /// Where a request goes: its handler (a route's, or one answering 404, 405 or 501),
    /// the path parameters, and whether the handler may run on the event loop.
    public func match(_ request: HTTPRequest) -> RouteMatch {
        guard HTTPMethodRegistry.contains(request.method) else {
            return RouteMatch(handler: { _ in .error(501, code: "not_implemented", message: "method \(request.method) is not implemented") },
                              parameters: [:], inline: true)
        }
        var allowed: [String] = []
        for route in routes {
            guard let parameters = match(route, request.pathSegments) else { continue }
            if route.method == request.method || route.method == Self.anyMethod || (request.method == "HEAD" && route.method == "GET") {
                return RouteMatch(handler: route.handler, parameters: parameters, inline: route.inline, options: route.options)
            }
            allowed.append(route.method)
        }
        if !allowed.isEmpty {
            var methods = Array(Set(allowed))
            if methods.contains("GET") && !methods.contains("HEAD") { methods.append("HEAD") }
            let allow = methods.sorted().joined(separator: ", ")
            return RouteMatch(handler: { _ in
                var response = HTTPResponse.error(405, code: "method_not_allowed", message: "use one of: \(allow)")
                response.headers.add("Allow", allow)
                return response
            }, parameters: [:], inline: true)
        }
        return RouteMatch(handler: { request in .error(404, code: "not_found", message: "no such resource: \(request.path)") },
                          parameters: [:], inline: true, isNotFound: true)
    }

    /// Handles a request completely: routing, parameters, the route's admission check, 404/405/501.
    public func respond(to request: HTTPRequest) throws -> HTTPResponse {
        let match = match(request)
        var routed = request
        routed.pathParameters = match.parameters
        if let refusal = match.options.admission?(routed) { return refusal }
        return try match.handler(routed)
    }

    private func match(_ route: Route, _ segments: [String]) -> [String: String]? {
        if !route.isPrefix && route.pattern.count != segments.count { return nil }
        var parameters: [String: String] = [:]
        for (index, part) in route.pattern.enumerated() {
            switch part {
            case .rest:
                return parameters
            case .literal(let literal):
                guard index < segments.count, literal == segments[index] else { return nil }
            case .parameter(let name):
                guard index < segments.count else { return nil }
                parameters[name] = segments[index]
            }
        }
        return route.pattern.count == segments.count ? parameters : nil
    }
}

/// A routed request's handler and how it may run.
public struct RouteMatch: Sendable {
    public let handler: HTTPHandler
    /// Values of the route's `{name}` segments.
    public let parameters: [String: String]
    /// The handler never blocks: the server answers on the event loop thread.
    public let inline: Bool
    /// The matched route's body limit and admission check (the defaults for no route).
    public let options: RouteOptions
    /// No route matched; the handler answers 404.
    let isNotFound: Bool

    init(handler: @escaping HTTPHandler, parameters: [String: String], inline: Bool, options: RouteOptions = .standard,
         isNotFound: Bool = false) {
        self.handler = handler
        self.parameters = parameters
        self.inline = inline
        self.options = options
        self.isNotFound = isNotFound
    }
}
