import Complaints
import Foundation

/// How the hub tells reporters (issue 14). Part of `HubConfiguration`:
/// - `HUB_SMTP_URL`: the mail relay, `smtp://[user:password@]host[:port]` (port 25 by default); with
///   `HUB_MAIL_FROM`, the sender's address (required with it). Unset: no email is sent.
/// - `HUB_TEXT_GATEWAY_URL`: the text gateway, an http(s) URL that takes the JSON POST; with
///   `HUB_TEXT_GATEWAY_SECRET` (required with it), sent as `X-Webhook-Secret`, and
///   `HUB_TEXT_GATEWAY_CHANNEL` (`sms`, the default, or `whatsapp`). Unset: no text message is sent.
/// - `HUB_CONTACT_RETENTION_DAYS`: days after a case ends before its reporter's contact is deleted (30).
/// - `HUB_HAZARD_WEBHOOK_URL` (issue 17): the command centre's http(s) address that takes each new
///   hazard report as a GeoJSON POST; with `HUB_HAZARD_WEBHOOK_SECRET` (optional), sent as
///   `X-Webhook-Secret`. Unset: hazard reports are not sent anywhere.
public struct NotificationConfiguration: Sendable, Equatable {
    public let smtp: SMTPRelay?
    public let mailFrom: String?
    public let textGateway: URL?
    public let textGatewaySecret: String?
    public let textChannel: NoticeChannel
    public let contactRetentionDays: Int
    public let hazardWebhook: URL?
    public let hazardWebhookSecret: String?

    /// The relay named by `HUB_SMTP_URL`.
    public struct SMTPRelay: Sendable, Equatable {
        public let host: String
        public let port: Int
        /// User and password for AUTH, when the URL has them.
        public let user: String?
        public let password: String?

        /// Reads `smtp://[user:password@]host[:port]`; user and password may be percent-encoded.
        public init?(url text: String) {
            guard let components = URLComponents(string: text), components.scheme?.lowercased() == "smtp",
                  let host = components.host, !host.isEmpty, components.path.isEmpty || components.path == "/",
                  components.query == nil, components.fragment == nil else { return nil }
            let port = components.port ?? 25
            guard (1...65535).contains(port), (components.user == nil) == (components.password == nil) else { return nil }
            self.host = host
            self.port = port
            user = components.user
            password = components.password
        }
    }

    /// The channels this deployment tells reporters on (what the form may promise).
    public var channels: NoticeChannels {
        var channels = NoticeChannels(email: smtp != nil, text: textGateway != nil)
        channels.textChannel = textChannel
        return channels
    }

    init(_ reader: inout ConfigurationReader) {
        smtp = reader.read("HUB_SMTP_URL", expected: "smtp://[user:password@]host[:port]", secret: true) { SMTPRelay(url: $0) }
        mailFrom = reader.read("HUB_MAIL_FROM", expected: "an email address such as lapor@example.go.id") { text in
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
                && text.allSatisfy({ $0.isASCII && !$0.isWhitespace && !"<>".contains($0) }) ? text : nil
        }
        if reader.text("HUB_SMTP_URL") != nil && reader.text("HUB_MAIL_FROM") == nil {
            reader.report("HUB_MAIL_FROM", "is not set (the sender's address is needed with HUB_SMTP_URL)")
        }
        textGateway = reader.read("HUB_TEXT_GATEWAY_URL", expected: "an http or https URL such as https://sms.example.go.id/send",
                                  secret: true, Self.webAddress)
        textGatewaySecret = reader.text("HUB_TEXT_GATEWAY_SECRET")
        if reader.text("HUB_TEXT_GATEWAY_URL") != nil && textGatewaySecret == nil {
            reader.report("HUB_TEXT_GATEWAY_SECRET", "is not set (the gateway's shared secret is needed with HUB_TEXT_GATEWAY_URL)")
        }
        textChannel = reader.read("HUB_TEXT_GATEWAY_CHANNEL", default: .sms, expected: "sms (the default) or whatsapp") { text in
            text == "sms" || text == "whatsapp" ? NoticeChannel(rawValue: text) : nil
        }
        contactRetentionDays = reader.integer("HUB_CONTACT_RETENTION_DAYS", default: 30, in: 1...3650)
        hazardWebhook = reader.read("HUB_HAZARD_WEBHOOK_URL", expected: "an http or https URL such as https://112.example.go.id/hazards",
                                    secret: true, Self.webAddress)
        hazardWebhookSecret = reader.text("HUB_HAZARD_WEBHOOK_SECRET")
    }

    /// An http or https URL with a host.
    private static func webAddress(_ text: String) -> URL? {
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
              url.host?.isEmpty == false else { return nil }
        return url
    }
}
