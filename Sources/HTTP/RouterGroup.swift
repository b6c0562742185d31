/// Routes under one path prefix that share middleware and the way their errors are answered, in
/// the manner of Hummingbird's `RouterGroup`:
///
///     router.group("/api/v1/staff", errors: .json) { staff in
///         staff.add(middleware: sessions)
///         staff.get("/queue") { request, context in … }
///     }
///
/// Middleware applies to the routes added after it, in the order added; a nested group starts with
/// its parent's middleware and renders its errors first, passing those its renderer leaves to the
/// parent's. Each route becomes one plain handler for the server, which makes a new `RequestContext`
/// per request.
public struct RouterGroup: Sendable {
    /// One group's own share of a route's chain.
    struct Level: Sendable {
        var middleware: [any Middleware] = []
        var renderer: ErrorRenderer?
    }

    let prefix: String
    var levels: [Level]
    var routes: [Router.Route] = []

    init(prefix: String, levels: [Level]) {
        self.prefix = prefix
        self.levels = levels
    }

    /// Runs `middleware` around the routes added to this group from now on.
    public mutating func add(middleware: any Middleware) {
        levels[levels.count - 1].middleware.append(middleware)
    }

    /// A group inside this one, under `prefix` appended to this group's.
    /// - Parameter errors: how the inner group answers errors; nil leaves them to this group.
    public mutating func group(_ prefix: String = "", errors: ErrorRenderer? = nil, _ build: (inout RouterGroup) throws -> Void) rethrows {
        var inner = RouterGroup(prefix: self.prefix + prefix, levels: levels + [Level(renderer: errors)])
        try build(&inner)
        routes.append(contentsOf: inner.routes)
    }

    /// Adds a route at `pattern` appended to the group's prefix (`""` is the prefix itself).
    /// - Parameters:
    ///   - inline: as `Router.add`: the whole chain, middleware included, never blocks.
    ///   - options: the route's body limit; the group's head middleware is added to its admission.
    public mutating func add(_ method: String, _ pattern: String, inline: Bool = false, options: RouteOptions = .standard,
                             _ handler: @escaping ContextHandler) {
        var options = options
        options.admission = Self.admission(levels, then: options.admission)
        routes.append(Router.Route(method: method, pattern: prefix + pattern, handler: Self.chain(levels, handler), inline: inline,
                                   options: options))
    }

    /// Adds a GET route (HEAD too) under the group's prefix.
    public mutating func get(_ pattern: String, inline: Bool = false, options: RouteOptions = .standard,
                             _ handler: @escaping ContextHandler) {
        add("GET", pattern, inline: inline, options: options, handler)
    }

    /// Adds a POST route under the group's prefix.
    public mutating func post(_ pattern: String, inline: Bool = false, options: RouteOptions = .standard,
                              _ handler: @escaping ContextHandler) {
        add("POST", pattern, inline: inline, options: options, handler)
    }

    /// The handler inside every level's middleware, each level's renderer around its own middleware.
    static func chain(_ levels: [Level], _ handler: @escaping ContextHandler) -> HTTPHandler {
        var responder = handler
        for level in levels.reversed() {
            for middleware in level.middleware.reversed() {
                let next = responder
                responder = { request, context in try middleware.handle(request, context: context, next: next) }
            }
            if let renderer = level.renderer {
                let inner = responder
                responder = { request, context in
                    do {
                        return try inner(request, context)
                    } catch {
                        guard let response = renderer.response(for: error, request, context: context) else { throw error }
                        return response
                    }
                }
            }
        }
        let outermost = responder
        return { request in try outermost(request, RequestContext()) }
    }

    /// The head middleware of every level as one admission check, before the route's own: its
    /// refusal rendered by the innermost renderer that renders it, else as JSON.
    static func admission(_ levels: [Level], then own: (@Sendable (HTTPRequest) -> HTTPResponse?)?)
        -> (@Sendable (HTTPRequest) -> HTTPResponse?)? {
        let heads = levels.flatMap(\.middleware).compactMap { $0 as? any HeadMiddleware }
        guard !heads.isEmpty else { return own }
        let renderers = levels.reversed().compactMap(\.renderer) + [.json]
        return { request in
            for head in heads {
                guard let refusal = head.admit(request) else { continue }
                return renderers.lazy.compactMap { $0.response(for: refusal, request, context: RequestContext()) }.first
                    ?? refusal.jsonResponse
            }
            return own?(request)
        }
    }
}

extension Router {
    /// Adds the routes of a group under `prefix`.
    /// - Parameter errors: how the group answers its errors; nil leaves them to the server (JSON
    ///   for errors that render themselves, a logged 500 for the rest).
    public mutating func group(_ prefix: String = "", errors: ErrorRenderer? = nil, _ build: (inout RouterGroup) throws -> Void) rethrows {
        var group = RouterGroup(prefix: prefix, levels: [RouterGroup.Level(renderer: errors)])
        try build(&group)
        for route in group.routes { append(route) }
    }
}
