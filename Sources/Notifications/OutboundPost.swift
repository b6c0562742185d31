import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One POST to an outside system (the text gateway, the command centre's webhook) through
/// Foundation's URLSession, HTTPS included, waited for, its outcome told as a `DeliveryFailure`.
enum OutboundPost {
    /// Failures that certainly sent nothing: no connection was made, or TLS refused the peer.
    private static let unsent: Set<URLError.Code> = [
        .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet, .badURL, .unsupportedURL,
        .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
        .serverCertificateHasUnknownRoot,
    ]

    /// Sends `request` and waits for the answer.
    /// - Parameter peer: the other side's name in a failure's reason.
    /// - Throws: `DeliveryFailure`: a non-2xx answer or no connection sent nothing; a timeout or a
    ///   connection lost mid-way may have.
    static func send(_ request: URLRequest, to peer: String, timeoutSeconds: Double) throws(DeliveryFailure) {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeoutSeconds
        configuration.timeoutIntervalForResource = timeoutSeconds
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: request) { _, response, error in
            outcome.set(response: response, error: error)
            done.signal()
        }.resume()
        done.wait()
        let (response, error) = outcome.get()
        if let error {
            let code = (error as? URLError)?.code
            throw DeliveryFailure("\(peer): \(error.localizedDescription)", sentNothing: code.map(unsent.contains) ?? false)
        }
        guard let status = (response as? HTTPURLResponse)?.statusCode else {
            throw DeliveryFailure("\(peer): no HTTP answer", sentNothing: false)
        }
        guard (200..<300).contains(status) else {
            throw DeliveryFailure("\(peer) answered \(status)", sentNothing: true)
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
