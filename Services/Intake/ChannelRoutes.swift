import Casework
import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit

/// The other ways a complaint arrives: the walk-in desk, where staff enter a visitor's complaint,
/// and the inbound webhook of an SMS/WhatsApp gateway (`KEYWORD description`).
struct ChannelRoutes: Sendable {
    let submissions: SubmissionRoutes
    /// The shared secret the SMS gateway sends in `X-Webhook-Secret`; the webhook is off when nil.
    let smsSecret: String?

    func router() -> Router {
        var router = Router()
        let routes = self
        router.group("/api/v1/staff/desk", errors: .json) { desk in
            desk.add(middleware: StaffSessionMiddleware(.stored(in: submissions.pool), .api()))
            desk.post("/complaints") { request, context in try routes.deskSubmission(request, by: try context.staffAccount()) }
        }
        router.post("/api/v1/inbound/sms") { request in try routes.inboundSMS(request) }
        return router
    }

    /// A desk officer enters a visitor's complaint; the channel records it, the audit log names the
    /// officer and their address.
    func deskSubmission(_ request: HTTPRequest, by account: Account) throws -> HTTPResponse {
        guard [.staff, .supervisor, .admin].contains(account.role) else {
            throw HTTPError(403, "forbidden", "only agency staff enter complaints at the desk")
        }
        return try submissions.answerJSON(request, channel: .desk) { connection, receipt in
            try AuditLog.record("desk_submission", by: Acting(account.actor, through: request), complaintID: receipt.id,
                                after: ["channel": "desk"], on: connection)
        }
    }

    /// `{"from", "text", "message_id"}` (JSON or form) from an SMS/WhatsApp gateway. The answer's
    /// `reply` is the text to send back to the citizen.
    func inboundSMS(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let smsSecret, !smsSecret.isEmpty else {
            throw HTTPError(404, "not_found", "the SMS webhook is not enabled")
        }
        guard let given = request.headers["X-Webhook-Secret"], ConstantTime.equals(given, smsSecret) else {
            throw HTTPError(403, "forbidden", "wrong or missing X-Webhook-Secret")
        }
        let fields: [String: String]
        if request.mediaType == "application/x-www-form-urlencoded" {
            fields = Dictionary(try request.formFields().map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        } else {
            fields = try request.jsonObject().compactMapValues { $0 as? String }
        }
        guard let from = fields["from"], let text = fields["text"] else {
            throw HTTPError(400, "invalid_request", "send from and text")
        }
        let categories = try submissions.pool.withConnection { try CategoryStore.all($0) }
        let words = text.split(maxSplits: 1, whereSeparator: \.isWhitespace)
        let keyword = words.first.map { $0.uppercased() } ?? ""
        guard let category = categories.first(where: { $0.keyword == keyword }), words.count == 2 else {
            let keywords = categories.map(\.keyword).joined(separator: ", ")
            return .error(400, code: "unknown_keyword", message: "the message must start with a category keyword",
                          extra: ["reply": "Format: KATA_KUNCI uraian pengaduan. Kata kunci: \(keywords)."])
        }
        let submission = ComplaintSubmission(category: category.code, description: String(words[1]),
                                             contact: Contact(phone: from), channel: .sms)
        do {
            let receipt = try submissions.store(submission, from: request.clientAddress, idempotency: ComplaintStore.IdempotencyKey(scope: "sms", key: fields["message_id"]))
            let code = receipt.trackingCode
            return .json(["tracking_code": code.value,
                          "reply": "Terima kasih, pengaduan Anda diterima. Kode pelacakan: \(code.grouped). Lacak di /track/\(code.value)"],
                         status: 201)
        } catch ComplaintStore.SubmitError.invalid(let problems) {
            let first = problems[0]
            return .error(400, code: first.rawValue, message: first.message(.id), extra: ["reply": first.message(.id)])
        } catch ComplaintStore.SubmitError.idempotencyKeyReused {
            throw HTTPError(422, "idempotency_key_reused", "this message_id was used for a different message")
        }
    }
}
