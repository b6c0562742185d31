import Complaints
import Foundation
import HubStore
import Postgres
import Queue
import ServiceKit
import Synchronization

/// Tells reporters of their cases: consumes the reporter's queue (`Destination.reporter`) in intake,
/// safe with several replicas, with the queue's retries, exponential backoff and dead letters.
///
/// Each notice reaches each channel the reporter left at most once, across crashes and replicas: the
/// delivery's key (`ReporterNotice.deliveryKey`) is claimed in `reporter_deliveries`, committed on a
/// connection of its own, just before the step that cannot be taken back (SMTP's DATA, the gateway's
/// POST); a claimed key is never sent again. The other side's acceptance stamps it sent. The window:
/// a crash after the claim and before the message left loses that one delivery (it stays claimed
/// without `sent_at`); a crash after it left and before the message is
/// acknowledged sends nothing twice (the claim stands). A failure that certainly sent nothing (refused,
/// no connection) gives the claim back and the queue retries the notice; channels already delivered
/// are skipped then.
public final class ReporterSender: Sendable {
    private let pool: PostgresPool
    let settings: NotificationConfiguration
    let site: String
    private let clientName: String
    private let log: @Sendable (String) -> Void
    /// Deliveries per channel and outcome (`sent`, `failed`, `unknown`), for `/metrics`.
    private let counts = Mutex<[String: Int]>([:])

    /// - Parameters:
    ///   - site: the site's absolute URL, for the links in the messages.
    public init(pool: PostgresPool, settings: NotificationConfiguration, site: PublicURL,
                log: @escaping @Sendable (String) -> Void) {
        self.pool = pool
        self.settings = settings
        self.site = site.absolute("")
        self.clientName = site.host.hasPrefix("[") || site.host.contains(":") ? "[127.0.0.1]" : site.host
        self.log = log
    }

    /// Handles one message of the reporter's queue (the queue consumer's handler): a notice, a
    /// lost-code request or a follower's confirmation.
    /// - Throws: `UnprocessableMessage` for a message that is none of these; `DeliveryFailure` when a
    ///   channel failed and may be retried; `PostgresError`.
    public func handle(_ connection: PostgresConnection, _ message: QueueMessage) throws {
        do {
            switch Self.type(of: message.payload) {
            case LostCodes.type:
                return try handle(try MessageEnvelope.decode(LostCodes.self, from: message.payload), on: connection)
            case FollowerConfirmation.type:
                return try handle(try MessageEnvelope.decode(FollowerConfirmation.self, from: message.payload), on: connection)
            default:
                return try handle(try MessageEnvelope.decode(ReporterNotice.self, from: message.payload), on: connection)
            }
        } catch let problem as MessageProblem {
            throw UnprocessableMessage(String(describing: problem))
        }
    }

    /// A message's `type`, read before the message itself.
    private static func type(of payload: String) -> String? {
        struct Typed: Decodable { let type: String? }
        return try? JSONDecoder().decode(Typed.self, from: Data(payload.utf8)).type
    }

    /// Tells the case's reporter, on each channel they left, and its confirmed followers of a public case.
    private func handle(_ notice: ReporterNotice, on connection: PostgresConnection) throws {
        guard settings.channels.any else { return }
        var failures: [DeliveryFailure] = []
        if let recipient = try ReporterNoticeStore.recipient(of: notice, on: connection) {
            let words = ReporterNoticeText(notice, language: recipient.language, agencyName: recipient.agencyName, site: site)
            if let email = recipient.email {
                try mail(to: email, subject: words.subject, body: words.body, key: notice.deliveryKey(for: .email),
                         caseID: notice.complaintID, failures: &failures)
            }
            if let phone = recipient.phone {
                let channel = recipient.textChannel ?? settings.textChannel
                try text(to: phone, on: channel, body: words.body, key: notice.deliveryKey(for: channel),
                         caseID: notice.complaintID, failures: &failures)
            }
        }
        try tellFollowers(notice, on: connection, failures: &failures)
        if let first = failures.first { throw first }
    }

    /// Sends one email through the relay, at most once per key; nothing without a relay.
    func mail(to email: String, subject: String, body: String, key: String, caseID: Int64?,
              unsubscribe: String? = nil, failures: inout [DeliveryFailure]) throws {
        guard let relay = settings.smtp, let from = settings.mailFrom else { return }
        let domain: String = from.split(separator: "@").last.map(String.init) ?? "hub"
        let messageID: String = key.replacingOccurrences(of: ":", with: ".") + "@" + domain
        var mail = MailMessage(from: from, to: email, subject: subject, body: body, messageID: messageID, date: Date())
        mail.unsubscribe = unsubscribe
        let client = SMTPClient(clientName: clientName, user: relay.user, password: relay.password)
        try deliver(key: key, caseID: caseID, on: .email, failures: &failures) { claim in
            let transport = try TCPTransport(host: relay.host, port: relay.port)
            return try client.send(mail, over: transport, claim: claim) == .delivered
        }
    }

    /// Sends one text message through the gateway, at most once per key; nothing without a gateway.
    func text(to phone: String, on channel: NoticeChannel, body: String, key: String, caseID: Int64?,
              failures: inout [DeliveryFailure]) throws {
        guard let url = settings.textGateway, let secret = settings.textGatewaySecret else { return }
        let gateway = TextGatewayClient(url: url, secret: secret)
        try deliver(key: key, caseID: caseID, on: channel, failures: &failures) { claim in
            guard try claim() else { return false }
            try gateway.send(to: phone, channel: channel, text: body, messageID: key)
            return true
        }
    }

    /// One channel's delivery around its claim.
    /// - Parameter send: sends, asking the claim just before the step that cannot be taken back;
    ///   returns false when the claim was refused (nothing sent).
    private func deliver(key: String, caseID: Int64?, on channel: NoticeChannel, failures: inout [DeliveryFailure],
                         send: (_ claim: () throws -> Bool) throws -> Bool) throws {
        if try pool.withConnection({ try ReporterNoticeStore.isClaimed(key, on: $0) }) { return }
        var claimed = false
        do {
            let sent = try send {
                claimed = try pool.withConnection { try ReporterNoticeStore.claim(key, caseID: caseID, channel: channel, on: $0) }
                return claimed
            }
            guard sent else { return }
        } catch let failure as DeliveryFailure {
            guard claimed else {
                count(channel, "failed")
                failures.append(failure)
                return
            }
            if failure.sentNothing {
                try pool.withConnection { try ReporterNoticeStore.release(key, on: $0) }
                count(channel, "failed")
                failures.append(failure)
            } else {
                // It may have left: at most once means it is not sent again.
                count(channel, "unknown")
                log("notice \(key): outcome unknown, not sent again: \(failure.reason)")
            }
            return
        }
        count(channel, "sent")
        try pool.withConnection { try ReporterNoticeStore.confirm(key, on: $0) }
    }

    private func count(_ channel: NoticeChannel, _ outcome: String) {
        counts.withLock { $0["\(channel.rawValue) \(outcome)", default: 0] += 1 }
    }

    /// Adds `hub_reporter_notices_total{channel, outcome}` to the service's metrics.
    public func installMetrics(on metrics: Metrics) {
        metrics.gauge("hub_reporter_notices_total", type: "counter",
                      help: "Notices to reporters by channel and outcome (sent, failed and retried, unknown after a failure mid-way).") {
            [self] in
            counts.withLock { counts in
                counts.sorted { $0.key < $1.key }.map { entry in
                    let parts = entry.key.split(separator: " ")
                    return ("channel=\"\(parts[0])\",outcome=\"\(parts[1])\"", Double(entry.value))
                }
            }
        }
    }
}
