import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit
import Web

/// Following a public case by email: `POST /api/v1/complaints/{code}/followers` (JSON `{"email"}`)
/// or the tracking page's form (`POST /track/{code}/followers`) asks; the mailed link
/// (`/follow/confirm/{token}`) starts the following; the link in every message
/// (`/follow/unsubscribe/{token}`) ends it, without signing in. Opening a link (GET) shows its button
/// and changes nothing; the button's POST, or a mail client's one-click POST (RFC 8058), acts.
struct FollowerRoutes: Sendable {
    let pool: PostgresPool
    var limits = CitizenLimits.follows

    func router() -> Router {
        var router = Router()
        let routes = self
        router.post("/api/v1/complaints/{code}/followers") { request in try routes.answerJSON(request) }
        router.post("/track/{code}/followers") { request in try routes.answerForm(request) }
        for link in FollowLink.allCases {
            router.get(link.path("{token}")) { request in try routes.button(request, link) }
        }
        router.post(FollowLink.confirm.path("{token}")) { request in try routes.confirm(request) }
        router.post(FollowLink.unsubscribe.path("{token}")) { request in try routes.unsubscribe(request) }
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
        }, refused: { FollowPages.render(.refused($0.message), code: shown, language: language) })
    }

    /// Opening a link: its page with the button, or a follow already confirmed said so; nothing changes.
    func button(_ request: HTTPRequest, _ link: FollowLink) throws -> HTTPResponse {
        try step(request) { token, connection in
            guard let followed = try FollowerStore.followed(by: link, token: token, on: connection) else { return nil }
            let step: FollowPages.Step = link == .confirm && followed.confirmed ? .confirmed : .button(link, token: token)
            return (step, followed.code, followed.language)
        }
    }

    /// The confirmation link's button starts the following.
    func confirm(_ request: HTTPRequest) throws -> HTTPResponse {
        try step(request) { token, connection in
            try FollowerStore.confirm(token: token, on: connection).map { (.confirmed, $0.code, $0.language) }
        }
    }

    /// The unsubscribe link's button, or a mail client's one-click POST (whose body,
    /// `List-Unsubscribe=One-Click`, adds nothing to the token), ends the following (its address is deleted).
    func unsubscribe(_ request: HTTPRequest) throws -> HTTPResponse {
        try step(request) { token, connection in
            try FollowerStore.unsubscribe(token: token, on: connection).map { (.stopped, $0.code, $0.language) }
        }
    }

    /// A link's page: the step, in the follower's language unless the link asks for another, or 404.
    private func step(_ request: HTTPRequest,
                      _ take: (String, PostgresConnection) throws -> (FollowPages.Step, code: String, language: Language)?) throws -> HTTPResponse {
        let asked = request.query("lang").map { Language(code: $0) }
        let token = request.pathParameter("token") ?? ""
        var response: HTTPResponse
        if let (done, code, language) = try pool.withConnection({ try take(token, $0) }) {
            response = .html(FollowPages.render(done, code: code, language: asked ?? language))
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
