/// A route's handler, given the request and the context its group's middleware filled.
public typealias ContextHandler = @Sendable (HTTPRequest, RequestContext) throws -> HTTPResponse

/// Work around a group's handlers, written once: it may answer itself (a refusal), fill the context
/// for the handlers (the staff session), or change the answer `next` gives. Middleware added first
/// runs first; errors it throws are rendered by its group's renderer, as a handler's are.
public protocol Middleware: Sendable {
    /// - Parameters:
    ///   - next: the rest of the chain: later middleware, then the route's handler.
    func handle(_ request: HTTPRequest, context: RequestContext, next: ContextHandler) throws -> HTTPResponse
}

/// Middleware that decides from the request's head alone, before its body is read (a rate limit):
/// the server asks it on the event loop, so it must not block. A refused request's body is never
/// read; the refusal is rendered by the route's group renderers, innermost first.
public protocol HeadMiddleware: Middleware {
    /// A refusal, or nil to admit the request.
    func admit(_ request: HTTPRequest) -> (any HTTPResponseError)?
}

extension HeadMiddleware {
    /// Admitted at the head already: the rest of the chain runs.
    public func handle(_ request: HTTPRequest, context: RequestContext, next: ContextHandler) throws -> HTTPResponse {
        try next(request, context)
    }
}
