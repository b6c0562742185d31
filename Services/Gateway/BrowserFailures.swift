import Complaints
import HTTP
import ServiceKit
import Web

/// The failures of the routes a browser reads (the citizen pages and the staff pages) as pages in
/// the reader's language, with the same status and Retry-After: as middleware, an answer in JSON (a
/// module that did not answer, a module's own JSON refusal); as the pages' error renderer, an error
/// thrown on the way (the rate limiter's 429 included).
struct BrowserFailures: Middleware {
    let logger: Logger

    func handle(_ request: HTTPRequest, context: RequestContext, next: ContextHandler) throws -> HTTPResponse {
        let response = try next(request, context)
        guard response.status >= 400, response.headers["Content-Type"]?.hasPrefix("application/json") == true else { return response }
        return page(status: response.status, request, context: context, keeping: response.headers)
    }

    /// Renders every error: a refusal with its status and headers, anything else (the database away
    /// too) logged and answered with its status, else 500 and the request id.
    var renderer: ErrorRenderer {
        let failures = self
        return ErrorRenderer { error, request, context in
            if !(error is any HTTPResponseError) { failures.logger.handlerFailed(request, error) }
            let answer = DatabaseUnavailable.answer(for: error)
            return failures.page(status: answer?.status ?? 500, request, context: context, keeping: answer?.headers ?? HTTPHeaders())
        }
    }

    func page(status: Int, _ request: HTTPRequest, context: RequestContext, keeping original: HTTPHeaders) -> HTTPResponse {
        let language = context.language(of: request)
        let kind = FailurePage.Kind(status: status)
        let html = StaffSide.isPage(request.path)
            ? StaffFrame.errorPage(FailurePage.message(kind, language: language), session: nil, language: language,
                                   requestID: kind == .serverError ? request.requestID : nil)
            : FailurePage.render(kind, language: language, requestID: request.requestID)
        var response = HTTPResponse.html(html, status: status)
        response.headers.add("Cache-Control", "no-store")
        for name in ["Retry-After", "Allow"] {
            if let value = original[name] { response.headers.add(name, value) }
        }
        return response
    }
}
