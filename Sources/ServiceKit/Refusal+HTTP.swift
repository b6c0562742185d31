import Complaints
import HTTP

/// A domain refusal renders itself: its status and code, its message in the page's language (English
/// for JSON), through whichever renderer the route's group chose.
extension Refusal: HTTPResponseError {
    public func message(language: String) -> String { message(Language(code: language)) }

    /// The refusal with a header its answer needs (`WWW-Authenticate`, `Retry-After`), which the
    /// domain does not know.
    public func with(header name: String, _ value: String) -> HTTPRefusal {
        HTTPRefusal(self).with(header: name, value)
    }
}

/// A domain refusal together with the response headers HTTP adds to it: the domain words the
/// refusal once, the HTTP side says how a client should come back (Retry-After) or authenticate
/// (WWW-Authenticate). Renders as the refusal does, headers included, in every renderer.
public struct HTTPRefusal: HTTPResponseError {
    public let refusal: Refusal
    public private(set) var headers: HTTPHeaders

    public init(_ refusal: Refusal, headers: HTTPHeaders = HTTPHeaders()) {
        self.refusal = refusal
        self.headers = headers
    }

    public var status: Int { refusal.status }
    public var code: String { refusal.code }
    public func message(language: String) -> String { refusal.message(language: language) }

    /// This refusal with one more header.
    public func with(header name: String, _ value: String) -> HTTPRefusal {
        var copy = self
        copy.headers.add(name, value)
        return copy
    }

}
