import Complaints
import HTTP

/// The one check of a gateway's inbound webhook: the shared secret in `X-Webhook-Secret`, compared in constant time.
enum WebhookSecret {
    /// - Parameters:
    ///   - expected: the configured secret; the webhook is off (`off`) when it is nil or empty.
    /// - Throws: `off`, or `Refusal.smsSecretWrong` (403) for a missing or wrong secret.
    static func check(_ request: HTTPRequest, expected: String?, off: Refusal) throws(Refusal) {
        guard let expected, !expected.isEmpty else { throw off }
        guard let given = request.headers["X-Webhook-Secret"], ConstantTime.equals(given, expected) else {
            throw Refusal.smsSecretWrong
        }
    }
}
