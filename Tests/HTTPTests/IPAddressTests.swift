import HTTP
import Testing

struct IPAddressTests {
    @Test func masksToAPrefixAndPrintsCanonically() throws {
        #expect(try #require(IPAddress("203.0.113.77")).masked(to: 96 + 24).description == "203.0.113.0")
        #expect(try #require(IPAddress("2001:db8:1:2:3::9")).masked(to: 48).description == "2001:db8:1::")
        #expect(try #require(IPAddress("::FFFF:203.0.113.77")).description == "203.0.113.77")
        #expect(try #require(IPAddress("::ffff:203.0.113.77")).isIPv4)
        #expect(IPAddress("203.0.113.77") == IPAddress("::ffff:203.0.113.77"))
    }

    @Test func readsOnlyAddresses() {
        for text in ["", "localhost", "203.0.113", "203.0.113.9:80", "[::1]", "::1%lo", "0x7f.1", String(repeating: "1", count: 70)] {
            #expect(IPAddress(text) == nil, "\(text)")
        }
    }
}
