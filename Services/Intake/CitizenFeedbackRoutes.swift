import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit
import Web

/// The citizen's answer to a resolution, from the tracking page (`POST /track/{code}/feedback`) or
/// the API (`POST /api/v1/complaints/{code}/feedback`): a rating from 1 to 5 and a reason. A low
/// rating with a reason reopens the case; otherwise the citizen accepts it and it closes.
struct CitizenFeedbackRoutes: Sendable {
    /// Writes on its primary, and tells the client where the write reached (`WrittenPosition`).
    let reads: ReadPool
    var pool: PostgresPool { reads.primary }

    func router() -> Router {
        var router = Router()
        let routes = self
        router.post("/api/v1/complaints/{code}/feedback") { request in try routes.answerJSON(request) }
        router.post("/track/{code}/feedback") { request in try routes.answerForm(request) }
        return router
    }

    /// The feedback use case, whichever route read the answer: records it on the case, in one
    /// transaction with its event.
    /// - Parameter request: the request the citizen answered through (its client address's network is audited).
    /// - Returns: once recorded, the position its commit reached (nil when no replica is read), else
    ///   the refusal: `ratingOutOfScale` without a whole rating, `complaintNotFound`, or the
    ///   lifecycle's (404, 409 or 400).
    func answer(_ answer: CitizenAnswer, to code: TrackingCode, through request: HTTPRequest) throws -> Result<WALPosition?, Refusal> {
        guard let rating = answer.rating else { return .failure(.ratingOutOfScale) }
        let action = CitizenRating.answer(rating: rating, reason: answer.reason)
        do {
            return .success(try reads.transaction { connection in
                guard let stored = try CaseStore.find(code.value, on: connection, forUpdate: true) else { throw Refusal.complaintNotFound }
                _ = try CaseStore.perform(action, on: stored, by: Acting(.citizen, through: request),
                                          calendar: try CategoryStore.calendar(connection), connection: connection)
            }.written)
        } catch let refusal as Refusal {
            return .failure(refusal)
        }
    }

    /// The API: 200 with the public view, or the refusal.
    func answerJSON(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Language(code: request.query("lang") ?? request.headers["Accept-Language"])
        guard let code = request.pathParameter("code", as: TrackingCode.self) else { throw Refusal.complaintNotFound }
        let written = try answer(try CitizenAnswer(json: try request.jsonBody()), to: code, through: request).get()
        return try pool.publicViewResponse(code, language: language).remembering(written)
    }

    /// The tracking page's form: 303 back to the page, or the page with the refusal beside the form.
    func answerForm(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Language(code: request.query("lang"))
        guard let code = request.pathParameter("code", as: TrackingCode.self) else {
            return .html(TrackingPage.notFound(language: language), status: 404)
        }
        guard request.mediaType == "application/x-www-form-urlencoded" else {
            throw HTTPError(415, "unsupported_media_type", "send the form as application/x-www-form-urlencoded")
        }
        let read = CitizenAnswer(form: try request.formFields())
        let refusal: Refusal
        switch try answer(read, to: code, through: request) {
        case .success(let written):
            return HTTPResponse.redirect(to: "/track/\(code.value)?feedback=1\(language == .en ? "&lang=en" : "")").remembering(written)
        case .failure(let refused):
            refusal = refused
        }
        guard refusal != .complaintNotFound,
              let found = try pool.withConnection({ try PublicCase.load(code.value, on: $0) }) else {
            return .html(TrackingPage.notFound(language: language), status: 404)
        }
        var form = FeedbackForm(rating: read.rating, reason: read.reason)
        form.errorCode = refusal.code
        let page = TrackingPage.render(TrackingView(found, code: code, language: language), language: language, feedback: form)
        var response = HTTPResponse.html(page, status: refusal.status)
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}
