import Foundation
import HTTP
import Synchronization

/// How the hub meets the public through a TLS proxy: its own URL, whether its cookies are Secure, who
/// may read `/metrics` through the gateway. Part of `HubConfiguration`, read once at start.
public struct PublicEdge: Sendable {
    /// `HUB_PUBLIC_URL`, or nil when unset.
    public let publicURL: PublicURL?
    /// `HUB_COOKIE_SECURE`: true unless `0` (plain-HTTP testing on a LAN). Secure cookies carry the
    /// `__Host-` prefix.
    public let secureCookies: Bool
    /// `HUB_METRICS_TOKEN`: the Bearer token that opens the gateway's public `/metrics`; nil keeps it closed.
    public let metricsToken: String?
    /// The gateway's port, for links while `HUB_PUBLIC_URL` is unset.
    let gatewayPort: Int

    init(_ reader: inout ConfigurationReader, gatewayPort: Int) {
        publicURL = reader.read("HUB_PUBLIC_URL",
                                expected: "an absolute http or https URL such as https://lapor.example.go.id") { PublicURL($0) }
        secureCookies = reader.flag("HUB_COOKIE_SECURE", default: true)
        metricsToken = reader.read("HUB_METRICS_TOKEN", expected: "at least 16 visible ASCII characters without spaces",
                                   secret: true) { token in
            token.utf8.count >= 16 && token.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) ? token : nil
        }
        self.gatewayPort = gatewayPort
    }

    private static let installed = Mutex<PublicEdge?>(nil)

    /// This process's settings: those `ServiceRunner` read at start (`install(_:)`), or the defaults
    /// in a process that read none (a unit test).
    public static var current: PublicEdge {
        installed.withLock { $0 } ?? defaults
    }

    /// Every variable unset.
    static var defaults: PublicEdge {
        var unset = ConfigurationReader([:])
        return PublicEdge(&unset, gatewayPort: ServiceName.gateway.defaultPort)
    }

    /// Makes `edge` this process's settings, for what reads them outside a request's handler (the
    /// staff cookies' names). Called once, by `ServiceRunner`, before any route exists.
    static func install(_ edge: PublicEdge) { installed.withLock { $0 = edge } }

    /// The site's URL for absolute links: `HUB_PUBLIC_URL`, else the gateway on this machine.
    public var siteURL: PublicURL { publicURL ?? PublicURL("http://localhost:\(gatewayPort)")! }

    /// Whether a request's `Origin` is this site: `HUB_PUBLIC_URL`'s origin, or while it is unset, an
    /// Origin naming the host and port the request was sent to.
    public func isSameOrigin(_ request: HTTPRequest) -> Bool {
        guard let origin = request.headers["Origin"]?.lowercased(), origin != "null" else { return false }
        if let publicURL { return origin == publicURL.origin }
        guard let sent = PublicURL(origin), sent.path.isEmpty, let host = request.headers["Host"]?.lowercased() else { return false }
        let authority = sent.host + (sent.port.map { ":\($0)" } ?? "")
        return authority == host || (sent.port == nil && host == sent.host + (sent.scheme == "https" ? ":443" : ":80"))
    }

    /// `Strict-Transport-Security` for HTML answers when the site is https.
    public var strictTransportSecurity: String? { publicURL?.isHTTPS == true ? "max-age=31536000" : nil }
}
