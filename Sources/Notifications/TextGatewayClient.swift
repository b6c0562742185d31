import Complaints
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends a text message through the region's gateway: an HTTP(S) POST of
/// `{"to", "channel", "text", "message_id"}` with the header `X-Webhook-Secret`, through Foundation's
/// URLSession (HTTPS included). `message_id` is the delivery's idempotency key, so a gateway may
/// refuse a repeat too.
public struct TextGatewayClient: Sendable {
    public let url: URL
    public let secret: String
    public let timeoutSeconds: Double

    public init(url: URL, secret: String, timeoutSeconds: Double = 20) {
        self.url = url
        self.secret = secret
        self.timeoutSeconds = timeoutSeconds
    }

    /// The JSON body.
    struct Body: Encodable {
        let to: String
        let channel: String
        let text: String
        let messageID: String

        enum CodingKeys: String, CodingKey {
            case to, channel, text
            case messageID = "message_id"
        }
    }

    /// The request for one message.
    func request(to phone: String, channel: NoticeChannel, text: String, messageID: String) -> URLRequest {
        var request = URLRequest(url: url, timeoutInterval: timeoutSeconds)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue(secret, forHTTPHeaderField: "X-Webhook-Secret")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        request.httpBody = try? encoder.encode(Body(to: phone, channel: channel.rawValue, text: text, messageID: messageID))
        return request
    }

    /// Posts one message and waits for the answer.
    /// - Throws: `DeliveryFailure`: a non-2xx answer or no connection sent nothing; a timeout or a
    ///   connection lost mid-way may have.
    public func send(to phone: String, channel: NoticeChannel, text: String, messageID: String) throws(DeliveryFailure) {
        try OutboundPost.send(request(to: phone, channel: channel, text: text, messageID: messageID), to: "text gateway",
                              timeoutSeconds: timeoutSeconds)
    }
}
