import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit
import Web

/// A lost code: `POST /api/v1/codes/resend` (JSON `{"email"}` or `{"phone"}`) and the page
/// `/codes/resend` ("Lupa kode?"). The request is queued for the sender, which looks the contact's
/// cases up after the answer: the answer is the same whether or not any case exists.
struct LostCodeRoutes: Sendable {
    let pool: PostgresPool
    var limits = CitizenLimits.lostCodes

    func router() -> Router {
        var router = Router()
        let routes = self
        router.post("/api/v1/codes/resend") { request in try routes.answerJSON(request) }
        router.get("/codes/resend") { request in
            .html(LostCodePage.render(language: Language(code: request.query("lang"))))
        }
        router.post("/codes/resend") { request in try routes.answerForm(request) }
        return router
    }

    /// The use case: counts the request against the client's and the contact's limits, then queues it.
    /// - Throws: `RateLimited`.
    func resend(_ lost: LostCodeRequest, language: Language, from address: String) throws {
        try limits.admit(address: address, contact: lost.limitKey, on: pool)
        try pool.transaction { connection in
            try LostCodeStore.queue(LostCodes(key: UUID().uuidString.lowercased(), request: lost, language: language), on: connection)
        }
    }

    /// 202 with the same body for every well-formed request; 400 for a malformed one, 429 over a limit.
    func answerJSON(_ request: HTTPRequest) throws -> HTTPResponse {
        let body = try request.jsonBody()
        let language = Language(code: try body.string("lang") ?? request.query("lang") ?? request.headers["Accept-Language"])
        let lost = try LostCodeRequest(email: try body.string("email"), phone: try body.string("phone"))
        try resend(lost, language: language, from: request.clientAddress)
        return CitizenForms.accepted("accepted", message: Strings.lostCodeSent.text(language))
    }

    /// The page's form: the same page after every well-formed request, the form again with the
    /// refusal otherwise.
    func answerForm(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Language(code: request.query("lang"))
        let fields = try CitizenForms.fields(request)
        let email = Self.typed("email", in: fields)
        let phone = Self.typed("phone", in: fields)
        return try CitizenForms.page(language: language, {
            try resend(try LostCodeRequest(email: email, phone: phone), language: language, from: request.clientAddress)
            return LostCodePage.sent(language: language)
        }, refused: { LostCodePage.render(language: language, email: email, phone: phone, refusal: $0) })
    }

    /// What was typed in a field of a page's form, trimmed.
    static func typed(_ name: String, in fields: [(name: String, value: String)]) -> String {
        (fields.first { $0.name == name }?.value ?? "").trimmingCharacters(in: .whitespaces)
    }
}
