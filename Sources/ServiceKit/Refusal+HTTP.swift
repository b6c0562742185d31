import Complaints
import HTTP

/// A domain refusal renders itself: its status and code, its message in the page's language (English
/// for JSON), through whichever renderer the route's group chose.
extension Refusal: HTTPResponseError {
    public func message(language: String) -> String { message(Language(code: language)) }
}
