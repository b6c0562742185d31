import Complaints
import HTTP
import ServiceKit
import Web

/// Routes a browser reads (the citizen pages and the staff pages): a failure answered as JSON (a
/// module that did not answer, the rate limiter, an error thrown here) becomes a page in the
/// reader's language with the same status and Retry-After.
struct BrowserFailures: Sendable {
    let logger: Logger

    func pages(_ handler: @escaping HTTPHandler) -> HTTPHandler {
        let failures = self
        return { request in
            do {
                let response = try handler(request)
                guard response.status >= 400, response.headers["Content-Type"]?.hasPrefix("application/json") == true else {
                    return response
                }
                return failures.page(status: response.status, request, keeping: response.headers)
            } catch {
                return failures.page(for: error, request)
            }
        }
    }

    /// The page for an error thrown on a page's route, with the status it stands for.
    func page(for error: any Error, _ request: HTTPRequest) -> HTTPResponse {
        // An HTTPError is a refusal, not a failure; anything else (the database away too) is logged.
        if !(error is HTTPError) { logger.handlerFailed(request, error) }
        let answer = HTTPError(answering: error)
        return page(status: answer?.status ?? 500, request, keeping: answer?.headers ?? HTTPHeaders())
    }

    func page(status: Int, _ request: HTTPRequest, keeping original: HTTPHeaders) -> HTTPResponse {
        let language = Language(code: request.query("lang"))
        let kind = FailurePage.Kind(status: status)
        let html = StaffSide.isPage(request.path)
            ? StaffFrame.errorPage(FailurePage.message(kind, language: language), session: nil, language: language,
                                   requestID: kind == .serverError ? request.requestID : nil)
            : FailurePage.render(kind, language: language, requestID: request.requestID)
        var response = HTTPResponse.html(html, status: status)
        response.headers.add("Cache-Control", "no-store")
        if let wait = original["Retry-After"] { response.headers.add("Retry-After", wait) }
        return response
    }
}
