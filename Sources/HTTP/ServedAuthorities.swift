/// The authorities (host and port) a server answers for, asked about a request whose target is in
/// absolute form (`GET http://host:port/path HTTP/1.1`).
///
/// The rule, in one place: a request names the authority of its absolute-form target, which
/// replaces its Host header (RFC 9112 §3.2.2). We are an origin server, not a proxy, so such a
/// request is served only when that authority is ours, and answered 421 Misdirected Request
/// (RFC 9110 §15.5.20) otherwise. An authority is ours when its host (compared without case) and its
/// port (the scheme's default, 80 or 443, when it names none) match an entry here; an entry without
/// a port matches the host on the scheme's default port. The server fills the entries from
/// `HTTPServerConfiguration.authorities` (the public host behind a TLS proxy, e.g. from
/// HUB_PUBLIC_URL), the address it listens on with its port, and `localhost` with that port.
///
/// The Host header of an origin-form request is not held against this list: the hub serves one
/// site per port and leaves virtual hosting to the proxy in front of it; only the Host header's
/// grammar is checked.
public struct ServedAuthorities: Sendable, Equatable {
    struct Entry: Hashable, Sendable {
        /// Lower-cased; an IPv6 literal keeps its brackets.
        let host: String
        /// Nil: the scheme's default port.
        let port: Int?
    }

    private(set) var entries: Set<Entry> = []

    /// - Parameter authorities: `host` or `host:port` each (`[::1]:8080` for IPv6); ones that are not
    ///   an authority are left out.
    public init(_ authorities: [String] = []) {
        for authority in authorities { insert(authority) }
    }

    /// Adds one `host` or `host:port`; returns false (and adds nothing) when it is not an authority.
    @discardableResult
    public mutating func insert(_ authority: String) -> Bool {
        guard let entry = Self.entry(authority) else { return false }
        entries.insert(entry)
        return true
    }

    /// Whether a request for `authority` under `scheme` (`http` or `https`) is ours to answer.
    public func serves(_ authority: String, scheme: String) -> Bool {
        guard let asked = Self.entry(authority) else { return false }
        let defaultPort = scheme.lowercased() == "https" ? 443 : 80
        let port = asked.port ?? defaultPort
        return entries.contains(Entry(host: asked.host, port: port))
            || (port == defaultPort && entries.contains(Entry(host: asked.host, port: nil)))
    }

    /// Splits `host[:port]`; nil when the text does not have that grammar (RFC 9110 §7.2).
    static func entry(_ authority: String) -> Entry? {
        guard !authority.isEmpty, HostHeader.isValid(authority) else { return nil }
        let bytes = Array(authority.utf8)
        let hostEnd: Int
        if bytes[0] == UInt8(ascii: "[") {
            hostEnd = (bytes.firstIndex(of: UInt8(ascii: "]")) ?? bytes.count - 1) + 1
        } else {
            hostEnd = bytes.lastIndex(of: UInt8(ascii: ":")) ?? bytes.count
        }
        let host = String(decoding: bytes[..<hostEnd], as: UTF8.self).lowercased()
        guard hostEnd < bytes.count else { return Entry(host: host, port: nil) }
        let digits = bytes[(hostEnd + 1)...]
        // "host:" names no port (RFC 3986 §3.2.3: an empty port is the scheme's default).
        guard !digits.isEmpty else { return Entry(host: host, port: nil) }
        guard let port = Int(String(decoding: digits, as: UTF8.self)), (1...65_535).contains(port) else { return nil }
        return Entry(host: host, port: port)
    }
}
