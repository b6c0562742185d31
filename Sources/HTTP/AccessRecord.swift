/// What the server reports about each answered request, for the access log and metrics.
public struct AccessRecord: Sendable {
    public let requestID: String
    public let method: String
    public let path: String
    public let status: Int
    public let bytes: Int
    public let durationSeconds: Double
    /// The client's address (`HTTPRequest.clientAddress`; the peer for requests that did not parse).
    public let remoteAddress: String
}
