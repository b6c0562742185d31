/// An error a handler throws to answer with a specific 4xx or 5xx and the hub's JSON error shape.
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

/// An error from below the HTTP layer that knows the answer it stands for (a database that is away
/// is a 503 with Retry-After, say), so the server and every wrapper that turns errors into pages or
/// into Open311's shape render it as they render an `HTTPError`, without knowing where it came from.
public protocol HTTPErrorConvertible: Error {
    /// The answer, or nil when the error is a fault of the server (a 500).
    var httpError: HTTPError? { get }
}

extension HTTPError {
    /// The answer a thrown error stands for: the error itself, one that renders itself (its message
    /// in English), what a convertible error says, or nil for anything else (which is a 500 with the
    /// request id).
    public init?(answering error: any Error) {
        if let error = error as? HTTPError {
            self = error
        } else if let error = error as? any HTTPResponseError {
            self.init(error.status, error.code, error.message(language: "en"), headers: error.headers)
        } else if let answer = (error as? any HTTPErrorConvertible)?.httpError {
            self = answer
        } else {
            return nil
        }
    }
}
