import Foundation

extension NoticeChannel {
    /// The text channels a reporter may choose for their phone.
    public static let textChannels: [NoticeChannel] = [.sms, .whatsapp]

    /// A text channel by its name as a reporter or a client wrote it (`sms`, `WhatsApp`), nil for
    /// anything else (email included: it is not a channel for a phone).
    public init?(textChannel name: String) {
        guard let channel = NoticeChannel(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()),
              Self.textChannels.contains(channel) else { return nil }
        self = channel
    }

    /// Whether this is a channel for a phone.
    public var isText: Bool { self != .email }
}
