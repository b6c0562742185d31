/// The bytes between the SMTP client and a relay: lines in, bytes out. `TCPTransport` is the socket;
/// tests script a peer.
public protocol SMTPTransport: AnyObject {
    /// Writes all of `bytes`.
    /// - Throws: `DeliveryFailure` when the connection fails.
    func write(_ bytes: [UInt8]) throws(DeliveryFailure)
    /// The next line the relay sent, without its CRLF.
    /// - Throws: `DeliveryFailure` when the connection fails, closes or times out.
    func readLine() throws(DeliveryFailure) -> String
    func close()
}

/// Why a delivery did not happen, and whether it certainly did not: only then may it be tried again
/// (at most once per notice and channel).
public struct DeliveryFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    /// True when the other side certainly did not take the message (refused it, or the failure came
    /// before the step that cannot be taken back); false when it may have.
    public let sentNothing: Bool

    public init(_ reason: String, sentNothing: Bool) {
        self.reason = reason
        self.sentNothing = sentNothing
    }

    public var description: String { reason }
}
