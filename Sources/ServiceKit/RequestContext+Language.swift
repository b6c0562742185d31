import Complaints
import HTTP

/// The language a page is shown in, as `PageLanguage` found it.
enum LanguageKey: RequestContextKey { typealias Value = Language }

extension RequestContext {
    /// The page's language, when a `PageLanguage` middleware chose one.
    public internal(set) var language: Language? {
        get { self[LanguageKey.self] }
        set { self[LanguageKey.self] = newValue }
    }

    /// The page's language: what the middleware chose, else the request's `?lang=` (Indonesian unless
    /// `en`), for renderers that answer before the middleware ran.
    public func language(of request: HTTPRequest) -> Language { language ?? PageLanguage.of(request) }
}

/// Chooses a page's language once, from `?lang=` (Indonesian unless `en`), for the handlers and the
/// error renderer of the pages' groups.
public struct PageLanguage: Middleware {
    public init() {}

    /// A page's language: English for `?lang=en`, Indonesian otherwise.
    public static func of(_ request: HTTPRequest) -> Language { Language(code: request.query("lang")) }

    /// Runs the rest of the chain with the page's language in the context.
    public func handle(_ request: HTTPRequest, context: RequestContext, next: ContextHandler) throws -> HTTPResponse {
        var context = context
        context.language = Self.of(request)
        return try next(request, context)
    }
}
