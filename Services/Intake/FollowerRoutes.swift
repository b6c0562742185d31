import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit
import Web

/// Following a public case by email: `POST /api/v1/complaints/{code}/followers` (JSON `{"email"}`),
/// the tracking page's form (`POST /track/{code}/followers`) or a public report's page's form
/// (`POST /laporan/{id}/followers`, issue 17) asks; the mailed link
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
        router.post("/track/{code}/followers") { request in
            try routes.answerForm(request, target: request.pathParameter("code", as: TrackingCode.self).map { .trackingCode($0.value) })
        }
        router.post("/laporan/{id}/followers") { request in
            try routes.answerForm(request, target: request.pathParameter("id", as: Int64.self).map(FollowTarget.report))
        }
        for link in FollowLink.allCases {
            router.get(link.path("{token}")) { request in try routes.button(request, link) }
        }
        router.post(FollowLink.confirm.path("{token}")) { request in try routes.confirm(request) }
        router.post(FollowLink.unsubscribe.path("{token}")) { request in try routes.unsubscribe(request) }
        return router
    }

    /// The use case: checks the address and the case, counts the request, stores the pending follow
    /// and queues its confirmation mail.
    /// - Returns: the followed case's public id.
    /// - Throws: `Refusal` (nothing stored), `RateLimited`.
    @discardableResult
    func follow(_ target: FollowTarget?, email: String?, language: Language, from address: String) throws -> Int64 {
        let checked = try Following.check(email: email, caseConfidential: false)
        guard let target else { throw Refusal.complaintNotFound }
        try limits.admit(address: address, contact: checked.lowercased(), on: pool)
        return try FollowerStore.follow(target, email: checked, language: language, on: pool)
    }

    /// 202 `{"status": "pending_confirmation"}`, or the refusal.
    func answerJSON(_ request: HTTPRequest) throws -> HTTPResponse {
        let body = try request.jsonBody()
        let language = Language(code: try body.string("lang") ?? request.query("lang") ?? request.headers["Accept-Language"])
        try follow(request.pathParameter("code", as: TrackingCode.self).map { .trackingCode($0.value) }, email: try body.string("email"),
                   language: language, from: request.clientAddress)
        return CitizenForms.accepted("pending_confirmation", message: Strings.followPending.text(language))
    }

    /// The form of a tracking page or a report's page: a page saying what happened.
    func answerForm(_ request: HTTPRequest, target: FollowTarget?) throws -> HTTPResponse {
        let language = Language(code: request.query("lang"))
        let email = LostCodeRoutes.typed("email", in: try CitizenForms.fields(request))
        // A refused follow by tracking code links to no report: the case may not be one the public sees.
        let report: Int64? = if case .report(let id) = target { id } else { nil }
        return try CitizenForms.page(language: language, {
            let followed = try follow(target, email: email, language: language, from: request.clientAddress)
            return FollowPages.render(.pending, report: followed, language: language)
        }, refused: { FollowPages.render(.refused($0.message), report: report, language: language) })
    }

    /// Opening a link: its page with the button, or a follow already confirmed said so; nothing changes.
    func button(_ request: HTTPRequest, _ link: FollowLink) throws -> HTTPResponse {
        try step(request) { token, connection in
            guard let followed = try FollowerStore.followed(by: link, token: token, on: connection) else { return nil }
            let step: FollowPages.Step = link == .confirm && followed.confirmed ? .confirmed : .button(link, token: token)
            return (step, followed.report, followed.language)
        }
    }

    /// The confirmation link's button starts the following.
    func confirm(_ request: HTTPRequest) throws -> HTTPResponse {
        try step(request) { token, connection in
            try FollowerStore.confirm(token: token, on: connection).map { (.confirmed, $0.report, $0.language) }
        }
    }

    /// The unsubscribe link's button, or a mail client's one-click POST (whose body,
    /// `List-Unsubscribe=One-Click`, adds nothing to the token), ends the following (its address is deleted).
    func unsubscribe(_ request: HTTPRequest) throws -> HTTPResponse {
        try step(request) { token, connection in
            try FollowerStore.unsubscribe(token: token, on: connection).map { (.stopped, $0.report, $0.language) }
        }
    }

    /// A link's page: the step, in the follower's language unless the link asks for another, or 404.
    private func step(_ request: HTTPRequest,
                      _ take: (String, PostgresConnection) throws -> (FollowPages.Step, report: Int64, language: Language)?) throws -> HTTPResponse {
        let asked = request.query("lang").map { Language(code: $0) }
        let token = request.pathParameter("token") ?? ""
        var response: HTTPResponse
        if let (done, report, language) = try pool.withConnection({ try take(token, $0) }) {
            response = .html(FollowPages.render(done, report: report, language: asked ?? language))
        } else {
            let language = asked ?? .id
            response = .html(FollowPages.render(.refused(Refusal.followLinkUnknown.message(language)), report: nil, language: language),
                             status: 404)
        }
        response.headers.add("Cache-Control", "no-store")
        response.headers.add("Referrer-Policy", "no-referrer")
        return response
    }
}
