/// Size limits a `ResponseParser` enforces, each refused with its own `ResponseParseError`.
public struct ResponseLimits: Sendable {
    /// Largest head: the status line and the header section with their line ends (`headTooLarge`).
    /// Also the largest trailer section of a chunked body.
    public var headBytes = 64 * 1024
    /// Most header fields in one head (`tooManyHeaders`).
    public var headerCount = 256
    /// Largest body, however it is framed (`bodyTooLarge`).
    public var bodyBytes = Int.max
    /// Most interim (1xx) answers before the final one (`tooManyInterimResponses`).
    public var interimResponses = 16

    public init() {}
}
