import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit
import Web

/// Following a public case by email: `POST /api/v1/complaints/{code}/followers` (JSON `{"email"}`)
/// or the tracking page's form (`POST /track/{code}/followers`) asks; the mailed link
/// (`GET /follow/confirm/{token}`) starts the following; the link in every message
/// (`GET /follow/unsubscribe/{token}`) ends it, without signing in.
struct FollowerRoutes: Sendable {
    let pool: PostgresPool
    var limits = CitizenLimits.follows

    func router() -> Router {
        var router = Router()
        let routes = self
        router.post("/api/v1/complaints/{code}/followers") { request in try routes.answerJSON(request) }
        router.post("/track/{code}/followers") { request in try routes.answerForm(request) }
        router.get("/follow/confirm/{token}") { request in try routes.confirm(request) }
        router.get("/follow/unsubscribe/{token}") { request in try routes.unsubscribe(request) }
        return router
    }

    /// The use case: checks the address and the case, counts the request, stores the pending follow
    /// and queues its confirmation mail.
    /// - Throws: `Refusal` (nothing stored), `RateLimited`.
    func follow(code: TrackingCode?, email: String?, language: Language, from address: String) throws {
        let checked = try Following.check(email: email, caseConfidential: false)
        guard let code else { throw Refusal.complaintNotFound }
        try limits.admit(address: address, contact: checked.lowercased(), on: pool)
        try FollowerStore.follow(code: code.value, email: checked, language: language, on: pool)
    }

    /// 202 `{"status": "pending_confirmation"}`, or the refusal.
    func answerJSON(_ request: HTTPRequest) throws -> HTTPResponse {
        let body = try request.jsonBody()
        let language = Language(code: try body.string("lang") ?? request.query("lang") ?? request.headers["Accept-Language"])
        try follow(code: request.pathParameter("code", as: TrackingCode.self), email: try body.string("email"), language: language,
                   from: request.clientAddress)
        return CitizenForms.accepted("pending_confirmation", message: Strings.followPending.text(language))
    }

    /// The tracking page's form: a page saying what happened.
    func answerForm(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Language(code: request.query("lang"))
        let code = request.pathParameter("code", as: TrackingCode.self)
        let email = LostCodeRoutes.typed("email", in: try CitizenForms.fields(request))
        let shown = code?.value ?? ""
        return try CitizenForms.page(language: language, {
            try follow(code: code, email: email, language: language, from: request.clientAddress)
            return FollowPages.render(.pending, code: shown, language: language)
        }, refused: { FollowPages.render(.refused($0), code: shown, language: language) })
    }

    /// Opening the mailed link starts the following.
    func confirm(_ request: HTTPRequest) throws -> HTTPResponse {
        try step(request, .confirmed) { token, connection in try FollowerStore.confirm(token: token, on: connection) }
    }

    /// Opening the link in a message ends the following (its address is deleted).
    func unsubscribe(_ request: HTTPRequest) throws -> HTTPResponse {
        try step(request, .stopped) { token, connection in try FollowerStore.unsubscribe(token: token, on: connection) }
    }

    /// A link's page: the step taken, in the follower's language unless the link asks for another, or 404.
    private func step(_ request: HTTPRequest, _ done: FollowPages.Step,
                      _ take: (String, PostgresConnection) throws -> (code: String, language: Language)?) throws -> HTTPResponse {
        let asked = request.query("lang").map { Language(code: $0) }
        let token = request.pathParameter("token") ?? ""
        var response: HTTPResponse
        if let taken = try pool.withConnection({ try take(token, $0) }) {
            response = .html(FollowPages.render(done, code: taken.code, language: asked ?? taken.language))
        } else {
            let language = asked ?? .id
            response = .html(FollowPages.render(.refused(Refusal.followLinkUnknown.message(language)), code: "", language: language),
                             status: 404)
        }
        response.headers.add("Cache-Control", "no-store")
        response.headers.add("Referrer-Policy", "no-referrer")
        return response
    }
}
