import Foundation

/// A reporter's answer by text message, through the text gateway's inbound webhook: the message
/// starts with the tracking code (as printed, grouped or not, in any case), then the answer.
public struct InboundReply: Sendable, Equatable {
    public let code: TrackingCode
    public let text: String

    /// Reads `ABCD-EFGH-JKMNP Di depan nomor 12` (or `abcdefghjkmnp: …`); nil when the message does
    /// not start with a tracking code standing on its own. The text may be empty (the lifecycle refuses it).
    public init?(message: String) {
        let trimmed = message.drop(while: \.isWhitespace)
        var symbols = 0
        var end = trimmed.startIndex
        while end < trimmed.endIndex, symbols < TrackingCode.length {
            let character = trimmed[end]
            if character.isLetter || character.isNumber {
                symbols += 1
            } else if character != "-" && character != " " {
                return nil
            }
            end = trimmed.index(after: end)
        }
        guard let code = TrackingCode(parsing: String(trimmed[..<end])) else { return nil }
        if end < trimmed.endIndex, let next = trimmed[end...].first, next.isLetter || next.isNumber { return nil }
        self.code = code
        self.text = trimmed[end...].drop { $0.isWhitespace || $0 == ":" || $0 == "-" }.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// The refusals of the inbound text reply (statuses and codes are contracts, Schemas/openapi.yaml).
extension Refusal {
    /// `HUB_TEXT_GATEWAY_SECRET` is not set: the gateway cannot authenticate, so the webhook is off.
    public static let textWebhookOff = Refusal(status: 404, code: "not_found", id: "Webhook balasan pesan singkat tidak diaktifkan.",
                                               en: "the text reply webhook is not enabled")

    /// The message does not start with a tracking code.
    public static let replyCodeMissing = Refusal(status: 400, code: "code_required",
                                                 id: "Pesan harus diawali kode pelacakan, lalu jawaban Anda.",
                                                 en: "the message must start with the tracking code, then the answer")

    /// The sender's number is not the contact the reporter left on that case.
    public static let senderNotReporter = Refusal(status: 403, code: "sender_not_reporter",
                                                  id: "Nomor pengirim bukan kontak pelapor pada pengaduan ini.",
                                                  en: "the sender's number is not the reporter's contact on this complaint")
}
