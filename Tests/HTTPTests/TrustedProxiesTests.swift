@testable import HTTP
import Testing

/// The X-Forwarded-For rules: only a trusted peer's header is believed, and from it only the
/// right-most entry that is not itself a trusted proxy.
struct TrustedProxiesTests {
    let proxies = try! TrustedProxies(parsing: "10.0.0.0/8, 192.0.2.7 ,2001:db8:aa::/48,::1")

    @Test func readsAddressesAndRangesOfBothFamilies() {
        #expect(proxies.contains("10.200.3.4"))
        #expect(proxies.contains("192.0.2.7"))
        #expect(!proxies.contains("192.0.2.8"))
        #expect(!proxies.contains("11.0.0.1"))
        #expect(proxies.contains("2001:db8:aa:ffff::1"))
        #expect(proxies.contains("2001:DB8:AA::"))
        #expect(!proxies.contains("2001:db8:ab::1"))
        #expect(proxies.contains("::1"))
        #expect(proxies.contains("::ffff:10.1.2.3"), "an IPv4-mapped IPv6 peer is its IPv4 address")
        #expect(!proxies.contains("localhost"))
        #expect(!proxies.contains(""))
    }

    @Test func oddPrefixLengthsMaskBitsNotBytes() throws {
        let ranges = try TrustedProxies(parsing: "172.16.0.0/12,fc00::/7,0.0.0.0/0")
        #expect(ranges.contains("172.31.255.255") && ranges.contains("fdff::1") && ranges.contains("203.0.113.5"))
        let narrow = try TrustedProxies(parsing: "172.16.0.0/12,fc00::/7")
        #expect(!narrow.contains("172.32.0.1") && !narrow.contains("fe00::1"))
    }

    @Test func refusesWhatIsNotAnAddressOrRange() {
        for bad in ["10.0.0.0/33", "2001:db8::/129", "10.0.0.1/", "10.0.0.0/-1", "10.0.0.0/+8", "gateway", "10.0.0.256",
                    "10.0.0.0/8/8", "1.2.3", "[::1]", "10.0.0.1:80", "::1%eth0"] {
            #expect(throws: TrustedProxies.ParseError(entry: bad), "\(bad)") { try TrustedProxies(parsing: "127.0.0.1, \(bad)") }
        }
        #expect(throws: Never.self) { try TrustedProxies(parsing: " , ,") }
    }

    @Test func anUntrustedPeersForwardedForIsIgnored() {
        #expect(proxies.clientAddress(peer: "203.0.113.9", forwardedFor: ["198.51.100.1"]) == "203.0.113.9")
        #expect(TrustedProxies.none.clientAddress(peer: "127.0.0.1", forwardedFor: ["198.51.100.1"]) == "127.0.0.1")
    }

    @Test func aTrustedPeerNamesTheRightMostUntrustedEntry() {
        // The client wrote "6.6.6.6" itself; the first proxy appended the client's real address, the second proxy's own.
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: ["6.6.6.6, 198.51.100.4, 10.0.0.9"]) == "198.51.100.4")
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: ["6.6.6.6", "198.51.100.4"]) == "198.51.100.4",
                "several header fields are one list, in order")
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: []) == "10.0.0.2", "no header: the proxy itself")
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: ["10.0.0.3, 10.0.0.4"]) == "10.0.0.3",
                "every hop trusted: the left-most")
    }

    @Test func garbageEndsTheWalkAtTheNearestTrustedHop() {
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: ["198.51.100.4, unknown"]) == "10.0.0.2")
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: ["198.51.100.4, unknown, 10.0.0.5"]) == "10.0.0.5")
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: [""]) == "10.0.0.2")
    }

    @Test func addressesComeBackInOneSpelling() {
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: ["2001:DB8:0:0::0:1"]) == "2001:db8::1")
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: ["::ffff:198.51.100.4"]) == "198.51.100.4")
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: ["198.51.100.4:5123"]) == "198.51.100.4")
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: ["[2001:db8::7]:443"]) == "2001:db8::7")
        #expect(proxies.clientAddress(peer: "::ffff:203.0.113.9", forwardedFor: []) == "203.0.113.9")
    }

    @Test func listsAddUp() throws {
        let both = try TrustedProxies(parsing: "192.0.2.1").adding(.loopback)
        #expect(both.contains("192.0.2.1") && both.contains("127.0.0.1") && both.contains("::1"))
        #expect(!both.contains("203.0.113.1") && !both.contains("172.20.0.3") && !both.contains("fd00::1"),
                "a private network is not trusted unless listed")
    }
}
