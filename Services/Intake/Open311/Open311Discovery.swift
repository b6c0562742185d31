import Foundation
import HTTP

/// `GET discovery.{json|xml}`: where this GeoReport v2 endpoint lives, in which formats, and whom
/// to ask for help or for an api_key.
enum Open311Discovery {
    static let specification = "http://wiki.open311.org/GeoReport_v2"

    static func document(for request: HTTPRequest, settings: Open311Settings) -> Open311Document {
        let endpoint: Open311Value = .object([
            ("specification", .text(specification)),
            ("url", .text(baseURL(settings))),
            ("changeset", .text(Open311Settings.changeset)),
            ("type", .text(settings.endpointType)),
            ("formats", .list(item: "format", Open311Format.mediaTypes.map { .text($0) })),
        ])
        return Open311Document(root: "discovery", value: .object([
            ("changeset", .text(Open311Settings.changeset)),
            ("contact", .text(settings.contact)),
            ("key_service", .text(settings.keyService)),
            ("endpoints", .list(item: "endpoint", [endpoint])),
        ]))
    }

    /// The endpoint's URL on the site's public address (`HUB_PUBLIC_URL`), never the Host a client sent.
    static func baseURL(_ settings: Open311Settings) -> String { settings.site.absolute("/open311/v2") }
}
