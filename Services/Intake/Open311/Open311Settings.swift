import Foundation
import HTTP
import ServiceKit

/// Open311's settings as the intake serves them: `HUB_OPEN311_*` (`Open311Configuration`, read at start
/// with the rest of the configuration) with their default texts. Absolute links (discovery's `url`,
/// `media_url`) start with the site's URL (`HUB_PUBLIC_URL`).
struct Open311Settings: Sendable {
    let apiKeys: Set<String>
    let site: PublicURL
    let contact: String
    let keyService: String
    let endpointType: String
    let dateTime = Open311DateTime()

    /// When this API last changed in a way clients should notice (discovery's `changeset`).
    static let changeset = "2026-11-23T00:00:00+07:00"

    init(_ configuration: Open311Configuration, site: PublicURL) {
        self.site = site
        apiKeys = configuration.apiKeys
        contact = configuration.contact
            ?? "Admin layanan pengaduan pemerintah daerah (complaint hub administrators of the regional government)"
        keyService = configuration.keyService
            ?? (apiKeys.isEmpty ? "Tidak perlu api_key (no api_key is needed)"
                : "Minta api_key kepada admin layanan pengaduan (ask the complaint hub administrators for an api_key)")
        endpointType = configuration.endpointType.rawValue
    }

    /// Whether a submission with this `api_key` may proceed. The key is compared with every
    /// configured one in constant time, so the answer's timing does not tell how much of a key was right.
    func accepts(apiKey: String?) -> Bool {
        guard !apiKeys.isEmpty else { return true }
        guard let apiKey, !apiKey.isEmpty else { return false }
        return ConstantTime.isOne(of: apiKeys, apiKey)
    }
}
