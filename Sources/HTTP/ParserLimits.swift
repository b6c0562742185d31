/// Size limits the parser enforces, each mapped to its own status code, and the authorities it
/// serves absolute-form targets for.
public struct ParserLimits: Sendable {
    /// Longest request line (414 beyond it).
    public var requestLineBytes = 8 * 1024
    /// Largest header section (431 beyond it).
    public var headerBytes = 32 * 1024
    /// Most header fields (431 beyond it).
    public var headerCount = 100
    /// Longest name, and longest value, of one header or trailer field (431 beyond it).
    public var fieldBytes = 8 * 1024
    /// Authorities an absolute-form target may name (421 for others); the server adds its own
    /// address. See `ServedAuthorities` for the rule.
    public var servedAuthorities = ServedAuthorities()
    /// Largest body unless `bodyLimit` says otherwise for a request (413 beyond it).
    public var bodyBytes = 1024 * 1024
    /// Largest multipart body on the routes that take uploads (`RouteOptions.uploads`).
    public var uploadBytes = 20 * 1024 * 1024
    /// Per-request body limit decided from the head (e.g. larger for multipart uploads); nil from
    /// the closure, or no closure, means `bodyBytes`.
    public var bodyLimit: (@Sendable (HTTPRequest) -> Int?)?

    public init() {}
}
