import Complaints
import Foundation

extension ReporterNotices {
    /// The notification channels the environment configures: mail when `HUB_SMTP_URL` is set, text
    /// messages when `HUB_TEXT_GATEWAY_URL` is (the sender that uses them checks their values).
    public static func configured(in environment: [String: String] = ProcessInfo.processInfo.environment) -> ReporterNotices {
        func set(_ name: String) -> Bool { !(environment[name] ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        return ReporterNotices(email: set("HUB_SMTP_URL"), text: set("HUB_TEXT_GATEWAY_URL"))
    }
}
