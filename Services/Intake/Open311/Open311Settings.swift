import Foundation
import HTTP
import ServiceKit

/// Open311 configuration, from the environment like every other setting:
/// - `HUB_OPEN311_API_KEYS`: comma-separated keys; when any is set, `POST requests` needs one of
///   them as `api_key` (403 otherwise). Unset or empty: submissions are open.
/// - `HUB_OPEN311_CONTACT` and `HUB_OPEN311_KEY_SERVICE`: the discovery document's texts.
/// - `HUB_OPEN311_ENDPOINT_TYPE`: `production` (default) or `test`, as discovery reports it.
/// Absolute links (discovery's `url`, `media_url`) start with the site's URL (`HUB_PUBLIC_URL`).
struct Open311Settings: Sendable {
    let apiKeys: Set<String>
    let site: PublicURL
    let contact: String
    let keyService: String
    let endpointType: String
    let dateTime = Open311DateTime()

    /// When this API last changed in a way clients should notice (discovery's `changeset`).
    static let changeset = "2026-11-23T00:00:00+07:00"

    init(environment: [String: String] = ProcessInfo.processInfo.environment, site: PublicURL = PublicEdge.current.siteURL) {
        self.site = site
        apiKeys = Set((environment["HUB_OPEN311_API_KEYS"] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        contact = environment["HUB_OPEN311_CONTACT"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "Admin layanan pengaduan pemerintah daerah (complaint hub administrators of the regional government)"
        keyService = environment["HUB_OPEN311_KEY_SERVICE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (apiKeys.isEmpty ? "Tidak perlu api_key (no api_key is needed)"
                : "Minta api_key kepada admin layanan pengaduan (ask the complaint hub administrators for an api_key)")
        let type = environment["HUB_OPEN311_ENDPOINT_TYPE"] ?? ""
        endpointType = type == "test" ? "test" : "production"
    }

    /// Whether a submission with this `api_key` may proceed. The key is compared with every
    /// configured one in constant time, so the answer's timing does not tell how much of a key was right.
    func accepts(apiKey: String?) -> Bool {
        guard !apiKeys.isEmpty else { return true }
        guard let apiKey, !apiKey.isEmpty else { return false }
        return ConstantTime.isOne(of: apiKeys, apiKey)
    }
}
