import Casework
import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit
import Web

/// The reporter's answer to the officer (issue 14): `POST /api/v1/complaints/{code}/replies` (JSON
/// `{"text"}`, or multipart with `text` and up to three `photos`), the tracking page's form
/// (`POST /track/{code}/replies`) and a text message through the text gateway's inbound webhook
/// (`POST /api/v1/inbound/text`). The tracking code is the credential. A reply is taken while the
/// case is open; a case waiting for the reporter resumes its status and deadline.
struct ReplyRoutes: Sendable {
    /// Writes on its primary, and tells the client where the write reached (`WrittenPosition`).
    let reads: ReadPool
    var pool: PostgresPool { reads.primary }
    let quota: PhotoQuota
    /// The text gateway's shared secret (`HUB_TEXT_GATEWAY_SECRET`), sent back by it in `X-Webhook-Secret`;
    /// the inbound webhook is off without it.
    let textSecret: String?

    func router() -> Router {
        var router = Router()
        let routes = self
        router.post("/api/v1/complaints/{code}/replies", options: .uploads) { request in try routes.replyAPI(request) }
        router.post("/track/{code}/replies", options: .uploads) { request in try routes.replyForm(request) }
        router.post("/api/v1/inbound/text") { request in try routes.inboundText(request) }
        return router
    }

    /// The reply use case, whichever way it came: records it on the case with its photos, in one transaction.
    /// - Parameters:
    ///   - address: the client the photos are charged to and the audit log records.
    ///   - sender: for a text message, the sender's number, which must be the reporter's contact on the case.
    /// - Returns: the position its commit reached (nil when no replica is read).
    /// - Throws: `Refusal` (nothing stored): `complaintNotFound`, `senderNotReporter`, the lifecycle's
    ///   (`reply_required`, `note_too_long`, `invalid_transition` on a case that is over), a photo quota's.
    @discardableResult
    func reply(_ text: String, photos: [Photo] = [], to code: TrackingCode, from address: String, sender: String? = nil) throws -> WALPosition? {
        do {
            return try reads.transaction { connection in
                guard let stored = try CaseStore.find(code.value, on: connection, forUpdate: true) else { throw Refusal.complaintNotFound }
                if let sender, try !ReporterStore.isReporter(phone: sender, caseID: stored.id, on: connection) {
                    throw Refusal.senderNotReporter
                }
                try CaseStore.perform(.reply(text: text), on: stored, by: Acting(.citizen, from: address), afterPhotos: photos,
                                      calendar: try CategoryStore.calendar(connection), connection: connection)
                do {
                    try quota.charge(photos, to: address, on: connection)
                } catch let exceeded as PhotoQuotaExceeded {
                    throw Refusal.photoQuotaExceeded(exceeded)
                }
            }.written
        } catch let error as PostgresError {
            guard let exceeded = quota.refusal(for: error) else { throw error }
            throw Refusal.photoQuotaExceeded(exceeded)
        }
    }

    /// A reply's form (urlencoded or multipart): its `text` and its `photos`, checked by the photo rules
    /// (the refusal, if any, beside the text so a page can keep what was typed).
    /// - Throws: `HTTPError` for a body that is no form.
    static func form(_ request: HTTPRequest) throws -> (text: String, photos: Result<[Photo], Refusal>) {
        let (fields, files) = try request.formSubmission(fileField: "photos")
        let text = fields.first { $0.name == "text" }?.value ?? ""
        do {
            return (text, .success(try PhotoAllowance.photos(files)))
        } catch let problem as PhotoProblem {
            return (text, .failure(Refusal.refusedPhoto(problem)))
        }
    }

    /// The API: 201 with the public view, or the refusal.
    func replyAPI(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Language(code: request.query("lang") ?? request.headers["Accept-Language"])
        guard let code = request.pathParameter("code", as: TrackingCode.self) else { throw Refusal.complaintNotFound }
        let written: WALPosition?
        if request.mediaType == "application/json" {
            written = try reply(try request.jsonBody().string("text") ?? "", to: code, from: request.clientAddress)
        } else {
            let (text, photos) = try Self.form(request)
            written = try reply(text, photos: try photos.get(), to: code, from: request.clientAddress)
        }
        return try pool.publicViewResponse(code, language: language, status: 201).remembering(written)
    }

    /// The tracking page's form: 303 back to the page with thanks, or the page with the refusal beside the form.
    func replyForm(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Language(code: request.query("lang"))
        guard let code = request.pathParameter("code", as: TrackingCode.self) else {
            return .html(TrackingPage.notFound(language: language), status: 404)
        }
        let (typed, photos) = try Self.form(request)
        let refusal: Refusal
        do {
            let written = try reply(typed, photos: try photos.get(), to: code, from: request.clientAddress)
            return HTTPResponse.redirect(to: "/track/\(code.value)?replied=1\(language == .en ? "&lang=en" : "")").remembering(written)
        } catch let refused as Refusal {
            refusal = refused
        }
        guard refusal != .complaintNotFound, let found = try pool.withConnection({ try PublicCase.load(code.value, on: $0) }) else {
            return .html(TrackingPage.notFound(language: language), status: 404)
        }
        let form = ReplyForm(text: typed, errorCode: refusal.code, errorMessage: refusal.message(language))
        var response = HTTPResponse.html(TrackingPage.render(TrackingView(found, code: code, language: language), language: language,
                                                             reply: form), status: refusal.status)
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    /// `{"from", "text"}` (JSON) from the text gateway, `text` starting with the tracking code: 201
    /// `{"tracking_code", "status"}` once recorded as the reporter's reply.
    func inboundText(_ request: HTTPRequest) throws -> HTTPResponse {
        try WebhookSecret.check(request, expected: textSecret, off: .textWebhookOff)
        let body = try request.jsonBody()
        guard let from = try body.string("from"), !from.trimmingCharacters(in: .whitespaces).isEmpty, let message = try body.string("text") else {
            throw Refusal.smsFieldsMissing
        }
        guard let inbound = InboundReply(message: message) else { throw Refusal.replyCodeMissing }
        try reply(inbound.text, to: inbound.code, from: request.clientAddress, sender: from)
        let status = try pool.withConnection { try CaseStore.find(inbound.code.value, on: $0)?.status }
        return .json(["tracking_code": .string(inbound.code.value), "status": JSONValue(status?.rawValue)], status: 201)
    }
}
