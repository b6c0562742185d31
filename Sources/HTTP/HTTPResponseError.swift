/// An error that knows the answer it stands for: its status, a stable code for JSON clients, its
/// message in the reader's language and any headers the answer needs (Retry-After, Allow,
/// WWW-Authenticate). A route group's `ErrorRenderer` turns it into JSON or into a page.
public protocol HTTPResponseError: Error, Sendable {
    var status: Int { get }
    var code: String { get }
    /// Headers the answer carries, whatever its shape.
    var headers: HTTPHeaders { get }
    /// The message in the language a tag names (`id`, `en`); JSON answers are in English.
    func message(language: String) -> String
}

extension HTTPResponseError {
    public var headers: HTTPHeaders { HTTPHeaders() }

    /// The hub's JSON error answer: `{"error": {"code", "message"}}` in English, with the headers.
    public var jsonResponse: HTTPResponse {
        var response = HTTPResponse.error(status, code: code, message: message(language: "en"))
        for field in headers.fields { response.headers.add(field.name, field.value) }
        return response
    }
}

extension HTTPError: HTTPResponseError {
    /// The one message an `HTTPError` has, whatever the language: the HTTP layer's answers are
    /// the API's; pages word the few they show themselves (a staff page's form that does not read).
    public func message(language: String) -> String { message }
}
