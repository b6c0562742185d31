import Complaints
import Testing

/// Intake's refusals keep the statuses, codes and English messages its routes have always answered
/// with (Schemas/openapi.yaml and the acceptance suite rely on them), and each has Indonesian words.
struct SubmissionRefusalsTests {
    static let table: [(Refusal, Int, String, String)] = [
        (.invalidIdempotencyKey, 400, "invalid_idempotency_key", "Idempotency-Key must be 1 to 200 visible ASCII characters"),
        (.idempotencyKeyReused(), 422, "idempotency_key_reused", "this Idempotency-Key was used for a different complaint"),
        (.idempotencyKeyReused("message_id", for: "message"), 422, "idempotency_key_reused",
         "this message_id was used for a different message"),
        (.answerReasonNotText, 400, "invalid_request", "reason must be a string or null"),
        (.deskStaffOnly, 403, "forbidden", "only agency staff enter complaints at the desk"),
        (.unknownIntakeChannel, 400, "unknown_intake_channel", "unknown intake channel: choose one of the listed channels"),
        (.smsWebhookOff, 404, "not_found", "the SMS webhook is not enabled"),
        (.smsSecretWrong, 403, "forbidden", "wrong or missing X-Webhook-Secret"),
        (.smsFieldsMissing, 400, "invalid_request", "send from and text"),
    ]

    @Test func everyRefusalKeepsItsStatusCodeAndEnglishMessage() {
        for (refusal, status, code, english) in Self.table {
            #expect(refusal.status == status && refusal.code == code, "\(refusal)")
            #expect(refusal.message(.en) == english)
            #expect(!refusal.message(.id).isEmpty && refusal.message(.id) != english, "\(code) has Indonesian words")
        }
    }

    @Test func anIdempotencyKeyIsOneTo200VisibleASCIICharacters() {
        #expect(IdempotencyKeyRule.admits("a") && IdempotencyKeyRule.admits(String(repeating: "k", count: 200)))
        #expect(!IdempotencyKeyRule.admits("") && !IdempotencyKeyRule.admits(String(repeating: "k", count: 201)))
        #expect(!IdempotencyKeyRule.admits("dua kata") && !IdempotencyKeyRule.admits("kunci\u{7f}") && !IdempotencyKeyRule.admits("é"))
    }
}
