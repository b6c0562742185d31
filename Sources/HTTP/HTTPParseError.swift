/// Why a request was refused before it reached a handler. The connection is closed after answering.
public struct HTTPParseError: Error, Equatable, Sendable {
    /// The status to answer with (400, 413, 414, 417, 421, 431, 505).
    public let status: Int
    /// A short machine code (`bad_request_line`, `header_too_large`, …).
    public let code: String
    /// A human sentence for the error body.
    public let message: String

    public init(_ status: Int, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }
}
