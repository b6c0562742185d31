import Glibc

/// An IPv4 or IPv6 address as 16 bytes (IPv4 mapped into `::ffff:0:0/96`), so both families compare,
/// mask and print one way.
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    let bytes: [UInt8]

    /// Reads dotted IPv4 or textual IPv6 (`203.0.113.9`, `2001:db8::1`, `::ffff:203.0.113.9`).
    /// - Returns: nil for anything else (names, ports, zones).
    public init?(_ text: String) {
        guard !text.isEmpty, text.utf8.count <= 64 else { return nil }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = [UInt8](repeating: 0, count: 10) + [0xFF, 0xFF] + withUnsafeBytes(of: &v4) { Array($0) }
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        bytes = withUnsafeBytes(of: &v6) { Array($0) }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// An IPv4 address, or IPv6's IPv4-mapped form of one.
    public var isIPv4: Bool { bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF }

    /// Whether the first `bits` bits (of the 128; an IPv4 /n is 96 + n) equal `other`'s.
    func sharesPrefix(_ bits: Int, with other: IPAddress) -> Bool {
        masked(to: bits).bytes == other.masked(to: bits).bytes
    }

    /// The address with every bit after the first `bits` (of the 128) cleared.
    public func masked(to bits: Int) -> IPAddress {
        var copy = bytes
        for index in 0..<16 {
            let keep = max(0, min(8, bits - index * 8))
            copy[index] &= UInt8(truncatingIfNeeded: 0xFF << (8 - keep))
        }
        return IPAddress(bytes: copy)
    }

    /// Dotted IPv4 for IPv4 (and IPv4-mapped) addresses, else RFC 5952's IPv6 text.
    public var description: String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        if isIPv4 {
            var v4 = in_addr()
            withUnsafeMutableBytes(of: &v4) { $0.copyBytes(from: bytes[12..<16]) }
            inet_ntop(AF_INET, &v4, &text, socklen_t(text.count))
        } else {
            var v6 = in6_addr()
            withUnsafeMutableBytes(of: &v6) { $0.copyBytes(from: bytes) }
            inet_ntop(AF_INET6, &v6, &text, socklen_t(text.count))
        }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
