import Complaints
import HTTP
import Postgres
import ServiceKit
import Web

extension CaseDesk {
    /// A staff page's handler whose errors become pages, never the JSON error body: an `HTTPError`
    /// (or an error that stands for one, like the database being away: 503) with its status and headers and the message in the page's language, anything else as a 500
    /// page with the request id, logged like every handler failure.
    func pageRoute(_ handler: @escaping HTTPHandler) -> HTTPHandler {
        let desk = self
        return { request in
            do {
                return try handler(request)
            } catch {
                return desk.errorPage(for: error, request)
            }
        }
    }

    func errorPage(for error: any Error, _ request: HTTPRequest) -> HTTPResponse {
        let language = Self.language(request)
        // After a database outage, asking it again for the session would only make the answer wait.
        let session = (error as? PostgresError)?.isConnectionProblem == true ? nil : (try? pageSession(request)) ?? nil
        if !(error is HTTPError || error is Refusal) { logger.handlerFailed(request, error) }
        guard let refusal = HTTPError(answering: error) else {
            return Self.page(StaffFrame.errorPage(StaffStrings.serverError.text(language), session: session, language: language,
                                                  requestID: request.requestID), status: 500)
        }
        let message = StaffStrings.refusal(refusal.code, language)
            ?? (refusal.status == 503 ? FailurePage.message(.unavailable, language: language) : refusal.message)
        var response = Self.page(StaffFrame.errorPage(message, session: session, language: language), status: refusal.status)
        for field in refusal.headers.fields { response.headers.add(field.name, field.value) }
        return response
    }
}
