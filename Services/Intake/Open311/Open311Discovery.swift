import Foundation
import HTTP

/// `GET discovery.{json|xml}`: where this GeoReport v2 endpoint lives, in which formats, and whom
/// to ask for help or for an api_key.
enum Open311Discovery {
    static let specification = "http://wiki.open311.org/GeoReport_v2"

    static func document(for request: HTTPRequest, settings: Open311Settings) -> Open311Document {
        let endpoint: Open311Value = .object([
            ("specification", .text(specification)),
            ("url", .text(baseURL(of: request))),
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

    /// The endpoint's URL as the client reached it.
    static func baseURL(of request: HTTPRequest) -> String { siteURL(of: request) + "/open311/v2" }

    /// The site's root URL as the client reached it: the Host it sent (when it is a plausible host
    /// name), and https when a proxy in front says so.
    static func siteURL(of request: HTTPRequest) -> String {
        let proto = request.headers["X-Forwarded-Proto"]?.split(separator: ",").first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        let scheme = proto == "https" ? "https" : "http"
        let sent = request.headers["Host"] ?? ""
        let plausible = !sent.isEmpty && sent.utf8.count <= 255
            && sent.utf8.allSatisfy { byte in
                (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || "-.:[]".utf8.contains(byte)
            }
        let host = plausible ? sent : "localhost"
        return "\(scheme)://\(host)"
    }
}
