import Foundation

/// The site's own absolute URL (`HUB_PUBLIC_URL`, such as `https://lapor.example.go.id`): every absolute
/// link the hub writes starts with it, never with a Host header a client sent.
public struct PublicURL: Sendable, Equatable, CustomStringConvertible {
    /// `http` or `https`.
    public let scheme: String
    /// The host, lower-cased, as written (an IPv6 literal keeps its brackets).
    public let host: String
    /// The port when one is written and it is not the scheme's default.
    public let port: Int?
    /// The path prefix the hub is served under, without a trailing slash (usually empty).
    public let path: String

    /// Reads an absolute http(s) URL without query, fragment or user information.
    /// - Returns: nil for anything else.
    public init?(_ text: String) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.percentEncodedHost, !host.isEmpty,
              components.user == nil, components.password == nil, components.query == nil, components.fragment == nil,
              host.utf8.allSatisfy({ $0 > 32 && $0 < 127 && $0 != UInt8(ascii: "/") })
        else { return nil }
        self.scheme = scheme
        self.host = host.lowercased()
        let defaultPort = scheme == "https" ? 443 : 80
        self.port = components.port.flatMap { $0 == defaultPort ? nil : $0 }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        self.path = path
    }

    /// `scheme://host[:port]`, as browsers send it in `Origin`.
    public var origin: String { "\(scheme)://\(authority)" }

    /// `host[:port]`, as an absolute-form request target names the site (no port: the scheme's default).
    public var authority: String { host + (port.map { ":\($0)" } ?? "") }

    /// The absolute URL of a path of the site (`/api/v1/photos/7`).
    public func absolute(_ path: String) -> String { origin + self.path + path }

    public var isHTTPS: Bool { scheme == "https" }

    public var description: String { origin + path }
}
