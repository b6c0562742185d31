/// An answer of the HTTP layer itself (a body that does not parse, a media type it does not read, an
/// upstream that did not answer): a specific 4xx or 5xx in the hub's JSON error shape. The hub's
/// own refusals are the domain's `Refusal`s; both render through `HTTPResponseError`.
public struct HTTPError: Error, Sendable {
    public let status: Int
    public let code: String
    public let message: String
    public var headers: HTTPHeaders

    public init(_ status: Int, _ code: String, _ message: String, headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    /// The response this error becomes: the hub's JSON error shape with its headers.
    public var response: HTTPResponse { jsonResponse }
}
