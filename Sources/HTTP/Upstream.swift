/// Where a service listens: `http://host:port`, as the `HUB_*_URL` variables give it.
public struct Upstream: Sendable, Hashable, CustomStringConvertible {
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `http://127.0.0.1:8081` (a path part, if any, is ignored).
    /// - Throws: `HTTPClientError.badURL` for anything else.
    public init(url: String) throws {
        guard url.hasPrefix("http://") else { throw HTTPClientError.badURL(url) }
        let rest = url.dropFirst("http://".count).prefix { $0 != "/" }
        let parts = rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let host = parts.first, !host.isEmpty else { throw HTTPClientError.badURL(url) }
        let port = parts.count == 2 ? Int(parts[1]) : 80
        guard let port, (1...65535).contains(port) else { throw HTTPClientError.badURL(url) }
        self.init(host: String(host), port: port)
    }

    public var description: String { "http://\(host):\(port)" }
}
