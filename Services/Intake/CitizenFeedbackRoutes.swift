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
    let pool: PostgresPool

    func router() -> Router {
        var router = Router()
        let routes = self
        router.post("/api/v1/complaints/{code}/feedback") { request in try routes.answerJSON(request) }
        router.post("/track/{code}/feedback") { request in try routes.answerForm(request) }
        return router
    }

    /// Records the answer on the case, in one transaction with its event.
    /// - Returns: the case's status afterwards.
    /// - Parameter request: the request the citizen answered through (its client address's network is audited).
    /// - Throws: `Refusal`: `complaintNotFound`, or the lifecycle's (404, 409 or 400).
    func record(code: String, rating: Int, reason: String, through request: HTTPRequest) throws -> ComplaintStatus {
        let action = CitizenRating.answer(rating: rating, reason: reason)
        return try pool.transaction { connection in
            guard let stored = try CaseStore.find(code, on: connection, forUpdate: true) else { throw Refusal.complaintNotFound }
            return try CaseStore.perform(action, on: stored, by: Acting(.citizen, through: request),
                                         calendar: try CategoryStore.calendar(connection), connection: connection).after.status
        }
    }

    func answerJSON(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Language(code: request.query("lang") ?? request.headers["Accept-Language"])
        guard let code = request.pathParameter("code", as: TrackingCode.self) else { throw Refusal.complaintNotFound }
        let body = try request.jsonObject()
        guard let rating = JSONField.integer(body["rating"]) else { throw Refusal.ratingOutOfScale }
        if let reason = body["reason"], !(reason is String), !(reason is NSNull) {
            throw HTTPError(400, "invalid_request", "reason must be a string or null")
        }
        let reason = body["reason"] as? String ?? ""
        _ = try record(code: code.value, rating: rating, reason: reason, through: request)
        guard let view = try pool.withConnection({ try PublicCase.load(code.value, on: $0) }) else { throw Refusal.complaintNotFound }
        var response = HTTPResponse.json(view.jsonObject(language: language))
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    func answerForm(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Language(code: request.query("lang"))
        guard let code = request.pathParameter("code", as: TrackingCode.self) else {
            return .html(TrackingPage.notFound(language: language), status: 404)
        }
        guard request.mediaType == "application/x-www-form-urlencoded" else {
            throw HTTPError(415, "unsupported_media_type", "send the form as application/x-www-form-urlencoded")
        }
        let fields = try request.formFields()
        let ratingText = fields.first { $0.name == "rating" }?.value ?? ""
        let reason = fields.first { $0.name == "reason" }?.value ?? ""
        var form = FeedbackForm(rating: Int(ratingText), reason: reason)
        var refusal = Refusal.ratingOutOfScale
        if let rating = form.rating {
            do {
                _ = try record(code: code.value, rating: rating, reason: reason, through: request)
                return .redirect(to: "/track/\(code.value)?feedback=1\(language == .en ? "&lang=en" : "")")
            } catch let refused as Refusal {
                refusal = refused
            }
        }
        guard refusal != .complaintNotFound else { return .html(TrackingPage.notFound(language: language), status: 404) }
        form.errorCode = refusal.code
        guard let found = try pool.withConnection({ try PublicCase.load(code.value, on: $0) }) else {
            return .html(TrackingPage.notFound(language: language), status: 404)
        }
        let page = TrackingPage.render(TrackingView(found, code: code, language: language), language: language, feedback: form)
        var response = HTTPResponse.html(page, status: refusal.status)
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}
