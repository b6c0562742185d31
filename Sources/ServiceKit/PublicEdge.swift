import Foundation
import HTTP

/// How the hub meets the public through a TLS proxy: its own URL, whether its cookies are Secure, who
/// may read `/metrics` through the gateway. Read once from the environment; `ServiceRunner` checks it
/// at start, so a bad value stops the service with a message naming the variable.
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

    /// - Throws: `ConfigurationError` naming the variable that is wrong.
    public init(environment: ServiceEnvironment) throws {
        if let text = environment.values["HUB_PUBLIC_URL"], !text.isEmpty {
            guard let url = PublicURL(text) else {
                throw ConfigurationError("HUB_PUBLIC_URL must be an absolute http or https URL such as https://lapor.example.go.id, got \(text)")
            }
            publicURL = url
        } else {
            publicURL = nil
        }
        switch environment.values["HUB_COOKIE_SECURE"] ?? "" {
        case "", "1": secureCookies = true
        case "0": secureCookies = false
        case let other: throw ConfigurationError("HUB_COOKIE_SECURE must be 1 (the default) or 0, got \(other)")
        }
        if let token = environment.values["HUB_METRICS_TOKEN"], !token.isEmpty {
            guard token.utf8.count >= 16, token.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else {
                throw ConfigurationError("HUB_METRICS_TOKEN must be at least 16 visible ASCII characters without spaces")
            }
            metricsToken = token
        } else {
            metricsToken = nil
        }
        gatewayPort = try environment.port(for: .gateway)
    }

    /// This process's settings. A value that does not read falls back to the defaults here; the
    /// service never gets that far, since `ServiceRunner` stops it first.
    public static let current: PublicEdge = (try? PublicEdge(environment: ServiceEnvironment()))
        ?? (try! PublicEdge(environment: ServiceEnvironment([:])))

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
