import Foundation

/// Anyone may follow a public case by email (`POST /api/v1/complaints/{code}/followers`), as
/// FixMyStreet lets them: following starts when the link mailed to the address is opened, and every
/// message carries a link that ends it without signing in. The rules of who may follow live here.
public enum Following {
    /// Checks a request to follow: a valid address, a case that exists and is not confidential.
    /// - Parameter confidential: the case's flag, nil when no case has the code.
    /// - Throws: `Refusal.contactEmailInvalid`, `.complaintNotFound`, `.followConfidential`.
    public static func check(email: String?, caseConfidential confidential: Bool?) throws(Refusal) -> String {
        guard let email, Contact.looksLikeEmail(email) else {
            throw .contactEmailInvalid
        }
        guard let confidential else { throw .complaintNotFound }
        guard !confidential else { throw .followConfidential }
        return email
    }

    /// What a follower hears of: a public case's changes of status after it was filed. A kind of notice
    /// not listed (one meant for the reporter alone) never reaches a follower.
    public static let told: Set<ReporterNotice.Kind> = [.takenIn, .note, .resolved, .reopened, .moved, .rejected, .closed, .progressed]

    /// Whether a follower hears of a notice.
    public static func tells(_ notice: ReporterNotice) -> Bool {
        !notice.confidential && told.contains(notice.notice)
    }

    /// An unguessable link token: 192 random bits, 48 hex digits.
    public static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<3).map { _ in
            let word = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - word.count) + word
        }.joined()
    }

    /// Whether `text` can be a token this hub issued (before it is looked up).
    public static func looksLikeToken(_ text: String) -> Bool {
        text.count == 48 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}

/// The confirmation mail to a new follower, on the reporter's queue (the one sender delivers it).
///
/// Wire format (version 1): `{"type": "follower.confirm", "version": 1, "follower_id": 7}`.
public struct FollowerConfirmation: HubMessage {
    public static let type = "follower.confirm"
    public static let version = 1

    public let followerID: Int64

    public init(followerID: Int64) { self.followerID = followerID }

    /// The idempotency key of its one delivery.
    public var deliveryKey: String { "follow-\(followerID)-confirm:email" }

    enum CodingKeys: String, CodingKey { case followerID = "follower_id" }
}
