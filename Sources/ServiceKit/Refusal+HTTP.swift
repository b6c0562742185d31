import Complaints
import HTTP

/// The one place a `Refusal` becomes an `HTTPError`, until the HTTP layer renders refusals itself:
/// a refusal thrown by a handler answers with its own status and code, and its English message in
/// the JSON error.
extension Refusal: HTTPErrorConvertible {
    public var httpError: HTTPError? { httpError(in: .en) }

    /// The answer with the message in `language` (the staff pages pass theirs).
    public func httpError(in language: Language) -> HTTPError { HTTPError(status, code, message(language)) }
}
