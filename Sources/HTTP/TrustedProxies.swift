/// The proxies whose X-Forwarded-For is believed (`HUB_TRUSTED_PROXIES`): addresses and CIDR ranges,
/// IPv4 and IPv6. The client's address is the peer when the peer is not one of them; otherwise the
/// right-most X-Forwarded-For entry that is not one of them, so a client's own entries, which a proxy
/// keeps to the left of what it appends, are never believed.
public struct TrustedProxies: Sendable, Equatable {
    /// One address or range: an address and how many of its 128 bits must match (IPv4 /n is 96 + n).
    struct Range: Sendable, Equatable {
        let address: IPAddress
        let bits: Int
    }

    /// A list entry that is neither an address nor a range.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let entry: String
        public var description: String {
            "\"\(entry)\" is not an IPv4 or IPv6 address or CIDR range (such as 10.0.0.0/8 or 2001:db8::/32)"
        }
    }

    let ranges: [Range]

    /// Trusts nobody: the client is always the peer.
    public static let none = TrustedProxies(ranges: [])
    /// Loopback, from which the gateway reaches a module on the same machine.
    public static let loopback = try! TrustedProxies(parsing: "127.0.0.0/8,::1")

    init(ranges: [Range]) { self.ranges = ranges }

    /// Reads a comma-separated list (`10.0.0.5, 192.0.2.0/24, 2001:db8::/32`); blank entries are skipped.
    /// - Throws: `ParseError` naming the first entry that does not read.
    public init(parsing list: String) throws(ParseError) {
        var ranges: [Range] = []
        for raw in list.split(separator: ",") {
            let entry = raw.trimmingBlanks()
            if entry.isEmpty { continue }
            let parts = entry.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            guard let address = IPAddress(String(parts[0])) else { throw ParseError(entry: entry) }
            let width = address.isIPv4 && !parts[0].contains(":") ? 32 : 128
            var bits = width
            if parts.count == 2 {
                guard (1...3).contains(parts[1].count), parts[1].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                      let prefix = Int(parts[1]), prefix <= width else { throw ParseError(entry: entry) }
                bits = prefix
            }
            ranges.append(Range(address: address, bits: width == 32 ? 96 + bits : bits))
        }
        self.ranges = ranges
    }

    /// Both lists' entries.
    public func adding(_ other: TrustedProxies) -> TrustedProxies { TrustedProxies(ranges: ranges + other.ranges) }

    /// Whether `address` (textual IPv4 or IPv6) is a trusted proxy; false for anything that is not an address.
    public func contains(_ address: String) -> Bool {
        guard !ranges.isEmpty, let parsed = IPAddress(address) else { return false }
        return contains(parsed)
    }

    func contains(_ address: IPAddress) -> Bool {
        ranges.contains { $0.address.sharesPrefix($0.bits, with: address) }
    }

    /// The client's address for a request from `peer` carrying these X-Forwarded-For fields (in the
    /// order received). Addresses come back in one spelling (`2001:db8::1`; IPv4-mapped IPv6 as dotted
    /// IPv4), so a client has one bucket in the rate limits whatever a proxy writes. An entry that is
    /// not an address (`unknown`, garbage) ends the walk: the nearest proxy we trust is the client then.
    public func clientAddress(peer: String, forwardedFor fields: [String]) -> String {
        // Trusting nobody (the gateway's default) costs nothing: the peer is inet_ntop's text already.
        guard !ranges.isEmpty else { return peer }
        guard let peerAddress = IPAddress(peer) else { return peer }
        var client = peerAddress
        guard contains(peerAddress) else { return client.description }
        for entry in fields.flatMap({ $0.split(separator: ",") }).reversed() {
            guard let address = IPAddress(Self.withoutPort(entry.trimmingBlanks())) else { break }
            client = address
            if !contains(address) { break }
        }
        return client.description
    }

    /// `203.0.113.9:5123` and `[2001:db8::1]:443`, as some proxies write them, without the port.
    static func withoutPort(_ entry: String) -> String {
        if entry.hasPrefix("[") {
            guard let close = entry.firstIndex(of: "]") else { return entry }
            return String(entry[entry.index(after: entry.startIndex)..<close])
        }
        if entry.utf8.filter({ $0 == UInt8(ascii: ":") }).count == 1, let colon = entry.firstIndex(of: ":") {
            return String(entry[..<colon])
        }
        return entry
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    fileprivate func trimmingBlanks() -> String {
        var text = self[...]
        while text.first == " " || text.first == "\t" { text = text.dropFirst() }
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
