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
    private let settings: NotificationConfiguration
    private let site: String
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

    /// Handles one notice (the queue consumer's handler).
    /// - Throws: `UnprocessableMessage` for a message that is not a notice; `DeliveryFailure` when a
    ///   channel failed and may be retried; `PostgresError`.
    public func handle(_ connection: PostgresConnection, _ message: QueueMessage) throws {
        let notice: ReporterNotice
        do {
            notice = try MessageEnvelope.decode(ReporterNotice.self, from: message.payload)
        } catch {
            throw UnprocessableMessage(String(describing: error))
        }
        guard settings.channels.any, let recipient = try ReporterNoticeStore.recipient(of: notice, on: connection) else { return }
        let words = ReporterNoticeText(notice, language: recipient.language, agencyName: recipient.agencyName, site: site)
        var failures: [DeliveryFailure] = []
        if let relay = settings.smtp, let from = settings.mailFrom, let email = recipient.email {
            let key = notice.deliveryKey(for: .email)
            let domain: String = from.split(separator: "@").last.map(String.init) ?? "hub"
            let messageID: String = key.replacingOccurrences(of: ":", with: ".") + "@" + domain
            let mail = MailMessage(from: from, to: email, subject: words.subject, body: words.body, messageID: messageID, date: Date())
            let client = SMTPClient(clientName: clientName, user: relay.user, password: relay.password)
            try deliver(notice, on: .email, failures: &failures) { claim in
                let transport = try TCPTransport(host: relay.host, port: relay.port)
                return try client.send(mail, over: transport, claim: claim) == .delivered
            }
        }
        if let url = settings.textGateway, let secret = settings.textGatewaySecret, let phone = recipient.phone {
            let channel = settings.textChannel
            let gateway = TextGatewayClient(url: url, secret: secret)
            try deliver(notice, on: channel, failures: &failures) { claim in
                guard try claim() else { return false }
                try gateway.send(to: phone, channel: channel, text: words.body, messageID: notice.deliveryKey(for: channel))
                return true
            }
        }
        if let first = failures.first { throw first }
    }

    /// One channel's delivery around its claim.
    /// - Parameter send: sends, asking the claim just before the step that cannot be taken back;
    ///   returns false when the claim was refused (nothing sent).
    private func deliver(_ notice: ReporterNotice, on channel: NoticeChannel, failures: inout [DeliveryFailure],
                         send: (_ claim: () throws -> Bool) throws -> Bool) throws {
        let key = notice.deliveryKey(for: channel)
        if try pool.withConnection({ try ReporterNoticeStore.isClaimed(key, on: $0) }) { return }
        var claimed = false
        do {
            let sent = try send {
                claimed = try pool.withConnection { try ReporterNoticeStore.claim(key, caseID: notice.complaintID, channel: channel, on: $0) }
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
