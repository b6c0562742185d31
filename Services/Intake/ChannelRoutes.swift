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
            desk.get("/channels") { request, context in try routes.deskChannels(request, by: try context.staffAccount()) }
        }
        router.post("/api/v1/inbound/sms") { request in try routes.inboundSMS(request) }
        return router
    }

    /// A desk officer enters a visitor's complaint, naming the intake channel it came through
    /// (`intake_channel`, optional); the channel records it, the audit log names the officer and their address.
    func deskSubmission(_ request: HTTPRequest, by account: Account) throws -> HTTPResponse {
        let desk = DeskSubmissions(submissions: submissions)
        let channel = try desk.check(account, intakeChannel: try request.jsonBody().string("intake_channel"))
        return try submissions.answerJSON(request, channel: .desk, recording: desk.recording(channel, by: account, through: request))
    }

    /// `GET /api/v1/staff/desk/channels`: the intake channels the desk offers, in order.
    func deskChannels(_ request: HTTPRequest, by account: Account) throws -> HTTPResponse {
        let offered = try DeskSubmissions(submissions: submissions).offered(to: account)
        return .json(["channels": .array(offered.map {
            ["code": .string($0.code), "name_id": .string($0.nameID), "name_en": .string($0.nameEN)]
        })])
    }

    /// `{"from", "text", "message_id"}` (JSON or form) from an SMS/WhatsApp gateway. The answer's
    /// `reply` is the text to send back to the citizen.
    func inboundSMS(_ request: HTTPRequest) throws -> HTTPResponse {
        try WebhookSecret.check(request, expected: smsSecret, off: .smsWebhookOff)
        let fields: [String: String]
        if request.mediaType == "application/x-www-form-urlencoded" {
            fields = Dictionary(try request.formFields().map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        } else {
            fields = try request.jsonBody().members.compactMapValues { value in
                if case .string(let text) = value { return text }
                return nil
            }
        }
        guard let from = fields["from"], let text = fields["text"] else {
            throw Refusal.smsFieldsMissing
        }
        let categories = try submissions.pool.withConnection { try CategoryStore.all($0) }
        let words = text.split(maxSplits: 1, whereSeparator: \.isWhitespace)
        let keyword = words.first.map { $0.uppercased() } ?? ""
        guard let category = categories.first(where: { $0.keyword == keyword }), words.count == 2 else {
            let keywords = categories.map(\.keyword).joined(separator: ", ")
            return Self.smsError(code: "unknown_keyword", message: "the message must start with a category keyword",
                                 reply: "Format: KATA_KUNCI uraian pengaduan. Kata kunci: \(keywords).")
        }
        let submission = ComplaintSubmission(category: category.code, description: String(words[1]),
                                             contact: Contact(phone: from), channel: .sms)
        switch try submissions.submit(SubmissionRequest(submission: submission, idempotencyKey: fields["message_id"]),
                                      from: request.clientAddress) {
        case .stored(let receipt, _, _):
            let code = receipt.trackingCode
            return .json(["tracking_code": .string(code.value),
                          "reply": .string("Terima kasih, pengaduan Anda diterima. Kode pelacakan: \(code.grouped). Lacak di /track/\(code.value)")],
                         status: 201)
        case .refused(let refusal):
            let first = refusal.problems[0]
            return Self.smsError(code: first.rawValue, message: first.message(.id), reply: first.message(.id))
        case .keyReused:
            throw Refusal.idempotencyKeyReused("message_id", for: "message")
        }
    }

    /// The hub's error shape with the text to send back to the citizen beside the message.
    static func smsError(code: String, message: String, reply: String) -> HTTPResponse {
        .json(["error": ["code": .string(code), "message": .string(message), "reply": .string(reply)]], status: 400)
    }
}
