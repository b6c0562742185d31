import Foundation

/// Open311's settings:
/// - `HUB_OPEN311_API_KEYS`: comma-separated keys; when any is set, `POST requests` needs one of
///   them as `api_key`. Unset or empty: submissions are open.
/// - `HUB_OPEN311_CONTACT` and `HUB_OPEN311_KEY_SERVICE`: the discovery document's texts (nil: the defaults).
/// - `HUB_OPEN311_ENDPOINT_TYPE`: `production` (default) or `test`, as discovery reports it.
public struct Open311Configuration: Sendable, Equatable {
    public let apiKeys: Set<String>
    public let contact: String?
    public let keyService: String?
    public let endpointType: EndpointType

    /// What discovery reports the endpoint to be.
    public enum EndpointType: String, Sendable, CaseIterable {
        case production, test
    }

    init(_ reader: inout ConfigurationReader) {
        apiKeys = Set((reader.text("HUB_OPEN311_API_KEYS") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        contact = reader.text("HUB_OPEN311_CONTACT")
        keyService = reader.text("HUB_OPEN311_KEY_SERVICE")
        endpointType = reader.read("HUB_OPEN311_ENDPOINT_TYPE", default: .production, expected: "production (the default) or test",
                                   EndpointType.init(rawValue:))
    }
}
