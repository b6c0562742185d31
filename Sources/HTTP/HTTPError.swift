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

    /// The response this error becomes.
    public var response: HTTPResponse {
        var response = HTTPResponse.error(status, code: code, message: message)
        for field in headers.fields { response.headers.add(field.name, field.value) }
        return response
    }
}
