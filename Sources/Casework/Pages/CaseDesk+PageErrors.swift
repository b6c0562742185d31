import Complaints
import HTTP
import Postgres
import ServiceKit
import Web

extension CaseDesk {
    /// The staff pages' error renderer: an error that renders itself (a refusal, or one that stands
    /// for an answer, like the database being away: 503) with its status and headers and the message
    /// in the page's language, anything else as a 500 page with the request id, logged like every
    /// handler failure. Pages never answer with the JSON error body.
    var pageErrors: ErrorRenderer {
        let desk = self
        return ErrorRenderer { error, request, context in desk.errorPage(for: error, request, context: context) }
    }

    func errorPage(for error: any Error, _ request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        let language = context.language(of: request)
        // After a database outage, asking it again for the session would only make the answer wait.
        let session = (error as? PostgresError)?.isConnectionProblem == true ? nil
            : context.staffSessionLookedUp ? context.staffSession : (try? pageSession(request)) ?? nil
        let answer = DatabaseUnavailable.answer(for: error)
        if !(error is any HTTPResponseError) { logger.handlerFailed(request, error) }
        guard let answer else {
            return Self.page(StaffFrame.errorPage(StaffStrings.serverError.text(language), session: session, language: language,
                                                  requestID: request.requestID), status: 500)
        }
        return Self.refusalPage(answer, session: session, language: language)
    }

    /// A refusal as a page in the staff frame: its message in the page's language (the database being
    /// away in the words of every failure page), its status and its headers.
    static func refusalPage(_ answer: any HTTPResponseError, session: StaffSession?, language: Language) -> HTTPResponse {
        let message = answer is DatabaseUnavailable ? FailurePage.message(.unavailable, language: language)
            : answer.message(language: language.rawValue)
        var response = page(StaffFrame.errorPage(message, session: session, language: language), status: answer.status)
        for field in answer.headers.fields { response.headers.add(field.name, field.value) }
        return response
    }
}
