/// How a route group answers the errors its middleware and handlers throw: JSON for APIs, a page the
/// caller renders for browsers. A renderer that returns nil leaves the error to the enclosing group,
/// and past the outermost one to the server (which logs it and answers 500 with the request id).
public struct ErrorRenderer: Sendable {
    public typealias Render = @Sendable (any Error, HTTPRequest, RequestContext) -> HTTPResponse?

    let render: Render

    /// - Parameter render: the answer for an error, or nil to pass it on.
    public init(_ render: @escaping Render) { self.render = render }

    /// The answer for `error`, or nil.
    public func response(for error: any Error, _ request: HTTPRequest, context: RequestContext) -> HTTPResponse? {
        render(error, request, context)
    }

    /// The hub's JSON error shape for every error that renders itself (`HTTPResponseError`); any
    /// other error goes on (a fault of the server is a 500, logged).
    public static let json = ErrorRenderer { error, _, _ in (error as? any HTTPResponseError)?.jsonResponse }
}
