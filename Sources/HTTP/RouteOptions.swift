/// What a route decides from a request's head, before its body is read: how large a body it takes
/// and whether the client is admitted at all (a rate limit). A refused client's body is never read.
public struct RouteOptions: Sendable {
    /// The largest body a route takes.
    public enum BodyLimit: Sendable, Equatable {
        /// The service-wide default (`ParserLimits.bodyBytes`).
        case standard
        /// Multipart bodies get the service's upload limit (`ParserLimits.uploadBytes`), other bodies
        /// the default: for the routes that take photos.
        case uploads
        /// Exactly this many bytes.
        case bytes(Int)
    }

    public var bodyLimit: BodyLimit
    /// Runs once per request when its head has arrived, on the event loop (it must not block): a
    /// response refuses the request (its body unread, the connection then closed when a body was
    /// announced), nil admits it. Requests without a body are admitted the same way before their handler.
    public var admission: (@Sendable (HTTPRequest) -> HTTPResponse?)?

    public init(bodyLimit: BodyLimit = .standard, admission: (@Sendable (HTTPRequest) -> HTTPResponse?)? = nil) {
        self.bodyLimit = bodyLimit
        self.admission = admission
    }

    /// The default: the service-wide body limit, everyone admitted.
    public static let standard = RouteOptions()
    /// The upload limit for multipart bodies (routes that take photos).
    public static let uploads = RouteOptions(bodyLimit: .uploads)

    /// The body limit for a request under these options.
    func bodyBytes(for request: HTTPRequest, limits: ParserLimits) -> Int {
        switch bodyLimit {
        case .standard: return limits.bodyLimit?(request) ?? limits.bodyBytes
        case .uploads: return request.mediaType == "multipart/form-data" ? limits.uploadBytes : limits.bodyBytes
        case .bytes(let count): return count
        }
    }
}
