/// Why an upstream request failed. The gateway maps these to 502 and 504.
public enum HTTPClientError: Error, CustomStringConvertible, Sendable {
    case badURL(String)
    case connectFailed(String)
    case timedOut
    case connectionClosed
    case malformedResponse(String)
    /// The response body is larger than the client takes (`HTTPClient.maxResponseBytes`).
    case responseTooLarge(Int)

    public var description: String {
        switch self {
        case .badURL(let url): return "bad upstream URL \(url)"
        case .connectFailed(let why): return "cannot connect: \(why)"
        case .timedOut: return "upstream did not answer in time"
        case .connectionClosed: return "upstream closed the connection"
        case .malformedResponse(let why): return "malformed upstream response: \(why)"
        case .responseTooLarge(let limit): return "upstream response larger than \(limit) bytes"
        }
    }
}
