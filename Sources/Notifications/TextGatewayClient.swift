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
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeoutSeconds
        configuration.timeoutIntervalForResource = timeoutSeconds
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: request(to: phone, channel: channel, text: text, messageID: messageID)) { _, response, error in
            outcome.set(response: response, error: error)
            done.signal()
        }.resume()
        done.wait()
        let (response, error) = outcome.get()
        if let error {
            let code = (error as? URLError)?.code
            let unsent: Set<URLError.Code> = [.cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet,
                                              .badURL, .unsupportedURL, .secureConnectionFailed, .serverCertificateUntrusted,
                                              .serverCertificateHasBadDate, .serverCertificateNotYetValid,
                                              .serverCertificateHasUnknownRoot]
            throw DeliveryFailure("text gateway: \(error.localizedDescription)", sentNothing: code.map(unsent.contains) ?? false)
        }
        guard let status = (response as? HTTPURLResponse)?.statusCode else {
            throw DeliveryFailure("text gateway: no HTTP answer", sentNothing: false)
        }
        guard (200..<300).contains(status) else {
            throw DeliveryFailure("text gateway answered \(status)", sentNothing: true)
        }
    }

    /// What the session's callback saw, handed to the waiting thread.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var response: URLResponse?
        private var error: (any Error)?

        func set(response: URLResponse?, error: (any Error)?) {
            lock.lock()
            self.response = response
            self.error = error
            lock.unlock()
        }

        func get() -> (URLResponse?, (any Error)?) {
            lock.lock()
            defer { lock.unlock() }
            return (response, error)
        }
    }
}
