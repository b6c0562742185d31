import Complaints

/// What a browser is shown when a request fails outside the pages' own handling (a module that
/// does not answer, too many requests, an error on the server): a page in the reader's language,
/// never a JSON body.
public enum FailurePage {
    /// The failures told apart, each with its own words.
    public enum Kind: Sendable {
        case tooManyRequests, unavailable, serverError, refused

        public init(status: Int) {
            switch status {
            case 429: self = .tooManyRequests
            case 502, 503, 504: self = .unavailable
            case 500...: self = .serverError
            default: self = .refused
            }
        }

        func message(_ language: Language) -> String {
            switch self {
            case .tooManyRequests: return Strings.failureTooManyRequests.text(language)
            case .unavailable: return Strings.failureUnavailable.text(language)
            case .serverError: return Strings.failureServerError.text(language)
            case .refused: return Strings.failureRefused.text(language)
            }
        }
    }

    /// The message alone, for a page that has its own frame (the staff pages).
    public static func message(_ kind: Kind, language: Language) -> String { kind.message(language) }

    /// A whole citizen page.
    /// - Parameter requestID: shown on server errors, for the reader to quote.
    public static func render(_ kind: Kind, language: Language, requestID: String? = nil) -> String {
        var body = "<h1>\(HTML.escape(Strings.appName.text(language)))</h1>"
        body += "<p class=\"error\" role=\"alert\">\(HTML.escape(kind.message(language)))</p>"
        if kind == .serverError, let requestID, !requestID.isEmpty {
            body += "<p>\(HTML.escape(Strings.failureReference.text(language))) <code id=\"request-id\">\(HTML.escape(requestID))</code></p>"
        }
        body += "<p><a href=\"/\(language == .en ? "?lang=en" : "")\">\(HTML.escape(Strings.formTitle.text(language)))</a></p>"
        return Layout.page(title: Strings.appName.text(language), language: language, switchPath: "/", body: body)
    }
}
