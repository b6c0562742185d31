import Complaints
import Foundation
import HubStore
import Postgres
import Queue
import ServiceKit
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Tells the command centre of each new hazard report (`HazardReported`): consumes the command
/// centre's queue (`Destination.commandCentre`) in intake and POSTs the report as a GeoJSON Feature
/// (`HazardReport`) to `HUB_HAZARD_WEBHOOK_URL`, with the queue's retries, backoff and dead letters.
///
/// At least once: a report the command centre did not acknowledge with a 2xx is sent again, since a
/// hazard it never hears of is worse than one it hears of twice; each POST carries
/// `X-Hub-Delivery: hazard-{public id}`, the same on every attempt, so the other side can drop a repeat.
public struct HazardWebhook: Sendable {
    public let url: URL?
    public let secret: String?
    let site: PublicURL
    let timeoutSeconds: Double

    public init(url: URL?, secret: String?, site: PublicURL, timeoutSeconds: Double = 20) {
        self.url = url
        self.secret = secret
        self.site = site
        self.timeoutSeconds = timeoutSeconds
    }

    /// Handles one message of the command centre's queue; with no webhook set, it is dropped.
    /// - Throws: `UnprocessableMessage` for a message that is not a hazard report; `DeliveryFailure`
    ///   when the command centre did not take it (retried); `PostgresError`.
    public func handle(_ connection: PostgresConnection, _ message: QueueMessage) throws {
        let reported: HazardReported
        do {
            reported = try MessageEnvelope.decode(HazardReported.self, from: message.payload)
        } catch let problem as MessageProblem {
            throw UnprocessableMessage(String(describing: problem))
        }
        guard let url else { return }
        let site = self.site
        guard let report = try HazardReportStore.report(reported.complaintID, publicPage: { site.absolute("/laporan/\($0)") },
                                                        on: connection) else { return }
        try OutboundPost.send(request(report, to: url), to: "hazard webhook", timeoutSeconds: timeoutSeconds)
    }

    /// The POST of one report.
    func request(_ report: HazardReport, to url: URL) -> URLRequest {
        var request = URLRequest(url: url, timeoutInterval: timeoutSeconds)
        request.httpMethod = "POST"
        request.setValue("application/geo+json", forHTTPHeaderField: "Content-Type")
        request.setValue("hazard-\(report.publicID)", forHTTPHeaderField: "X-Hub-Delivery")
        if let secret { request.setValue(secret, forHTTPHeaderField: "X-Webhook-Secret") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        request.httpBody = try? encoder.encode(report)
        return request
    }
}
