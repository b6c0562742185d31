import Foundation

/// A lost-code request on the reporter's queue: the sender in intake looks up the contact's cases of
/// the last 12 months and sends their codes on that channel only. The request's answer never depends
/// on what it finds: the lookup happens here, after the answer.
///
/// Wire format (version 1): `{"type": "codes.resend", "version": 1, "key": "…", "channel": "email",
/// "contact": "…", "language": "id"}`; `channel` is `email` or `text` (the reporter's text channel).
public struct LostCodes: HubMessage {
    public static let type = "codes.resend"
    public static let version = 1
    /// How far back a contact's cases are sent.
    public static let months = 12

    /// The request's identity, the idempotency key of its one delivery.
    public let key: String
    public let request: LostCodeRequest
    public let language: Language

    public init(key: String, request: LostCodeRequest, language: Language) {
        self.key = key
        self.request = request
        self.language = language
    }

    /// The idempotency key of its delivery on `channel`.
    public func deliveryKey(for channel: NoticeChannel) -> String { "codes-" + key + ":" + channel.rawValue }

    enum CodingKeys: String, CodingKey { case key, channel, contact, language }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        let contact = try container.decode(String.self, forKey: .contact)
        switch try container.decode(String.self, forKey: .channel) {
        case "email": request = .email(contact)
        case "text": request = .phone(contact)
        case let other: throw DecodingError.dataCorruptedError(forKey: .channel, in: container, debugDescription: "unknown channel \(other)")
        }
        language = Language(code: try container.decode(String.self, forKey: .language))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        switch request {
        case .email: try container.encode("email", forKey: .channel)
        case .phone: try container.encode("text", forKey: .channel)
        }
        try container.encode(request.contact, forKey: .contact)
        try container.encode(language.rawValue, forKey: .language)
    }
}

/// One case in a lost-code message: a confidential case shows only its code and status.
public struct LostCode: Sendable, Equatable {
    public let trackingCode: String
    public let status: ComplaintStatus
    public let confidential: Bool
    /// The category's name in the message's language (nil for a confidential case).
    public let categoryName: String?
    public let filedAt: Date

    public init(trackingCode: String, status: ComplaintStatus, confidential: Bool, categoryName: String?, filedAt: Date) {
        self.trackingCode = trackingCode
        self.status = status
        self.confidential = confidential
        self.categoryName = confidential ? nil : categoryName
        self.filedAt = filedAt
    }
}
