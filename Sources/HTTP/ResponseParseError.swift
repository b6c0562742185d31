/// Why bytes from an upstream are not an acceptable HTTP/1.1 response. The connection is not reused.
public enum ResponseParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The status line is not `HTTP/1.x SP 3DIGIT SP reason`, or its code is outside 100–599.
    case badStatusLine
    /// A version other than HTTP/1.x.
    case unsupportedVersion
    /// A line of the head, a chunk-size line or a trailer ends with a bare LF or holds a bare CR.
    case badLineEnding
    /// A field line starts with whitespace (obsolete line folding, RFC 9112 §5.2).
    case obsoleteLineFolding
    /// A field line that is not `token: value`.
    case badHeader(String)
    /// The head (or the trailer section) exceeds `ResponseLimits.headBytes`.
    case headTooLarge(limit: Int)
    /// More fields than `ResponseLimits.headerCount`.
    case tooManyHeaders(limit: Int)
    /// Content-Length is not a decimal number.
    case badContentLength
    /// Content-Length fields disagree.
    case conflictingContentLength
    /// Both Content-Length and Transfer-Encoding: a sign of response splitting (RFC 9112 §6.3).
    case ambiguousFraming
    /// A Transfer-Encoding other than `chunked`, or one in an HTTP/1.0 response.
    case unsupportedTransferEncoding
    /// A malformed chunk-size line or chunk end.
    case badChunk(String)
    /// The body exceeds `ResponseLimits.bodyBytes`.
    case bodyTooLarge(limit: Int)
    /// More interim (1xx) answers than `ResponseLimits.interimResponses`.
    case tooManyInterimResponses
    /// The stream ended before the response did.
    case truncated

    public var description: String {
        switch self {
        case .badStatusLine: return "bad status line"
        case .unsupportedVersion: return "not an HTTP/1.x response"
        case .badLineEnding: return "line not ended by CRLF"
        case .obsoleteLineFolding: return "obsolete line folding"
        case .badHeader(let why): return "bad header: \(why)"
        case .headTooLarge(let limit): return "head larger than \(limit) bytes"
        case .tooManyHeaders(let limit): return "more than \(limit) header fields"
        case .badContentLength: return "bad Content-Length"
        case .conflictingContentLength: return "conflicting Content-Length values"
        case .ambiguousFraming: return "both Content-Length and Transfer-Encoding"
        case .unsupportedTransferEncoding: return "unsupported Transfer-Encoding"
        case .badChunk(let why): return "bad chunk: \(why)"
        case .bodyTooLarge(let limit): return "body larger than \(limit) bytes"
        case .tooManyInterimResponses: return "too many interim responses"
        case .truncated: return "stream ended inside the response"
        }
    }
}
