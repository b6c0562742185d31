/// The status line and header fields of a response, as `ResponseParser` hands them over.
public struct ResponseHead: Sendable {
    /// 0 for HTTP/1.0, 1 for HTTP/1.1 (a later 1.x counts as 1.1).
    public var versionMinor: Int
    public var status: Int
    /// The reason phrase, possibly empty; it carries no meaning (RFC 9112 §4).
    public var reason: String
    /// Every field as received, the framing fields (Content-Length, Transfer-Encoding) included.
    public var headers: HTTPHeaders
    /// Whether the connection may carry another request once this response is read: HTTP/1.1 without
    /// `Connection: close`, and a body framed by its length or chunks rather than by the close.
    public var keepsAlive: Bool

    public init(versionMinor: Int, status: Int, reason: String = "", headers: HTTPHeaders = HTTPHeaders()) {
        self.versionMinor = versionMinor
        self.status = status
        self.reason = reason
        self.headers = headers
        let closes = headers.values("Connection")
            .flatMap { $0.split(separator: ",") }
            .contains { $0.trimmingASCIIWhitespace().lowercased() == "close" }
        keepsAlive = versionMinor >= 1 && !closes && status != 101
    }

    /// An interim answer (100 Continue, 103 Early Hints): the final one follows. 101 Switching Protocols
    /// is final: the connection then speaks another protocol.
    public var isInterim: Bool { (100..<200).contains(status) && status != 101 }
}
