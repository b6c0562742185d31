@testable import HTTP
import Testing

/// Which authorities an absolute-form target may name (see `ServedAuthorities` for the rule).
@Suite struct ServedAuthoritiesTests {
    @Test func anEntryWithoutAPortServesTheSchemesDefaultPort() {
        let served = ServedAuthorities(["Lapor.Example.go.id"])
        #expect(served.serves("lapor.example.go.id", scheme: "https"))
        #expect(served.serves("LAPOR.EXAMPLE.GO.ID:443", scheme: "https"))
        #expect(served.serves("lapor.example.go.id:80", scheme: "http"))
        #expect(!served.serves("lapor.example.go.id:8443", scheme: "https"))
        #expect(!served.serves("lapor.example.go.id:80", scheme: "https"))
    }

    @Test func anEntryWithAPortServesThatPortOnly() {
        let served = ServedAuthorities(["127.0.0.1:8080", "[::1]:8080"])
        #expect(served.serves("127.0.0.1:8080", scheme: "http"))
        #expect(served.serves("[::1]:8080", scheme: "http"))
        #expect(!served.serves("127.0.0.1", scheme: "http"))
        #expect(!served.serves("127.0.0.1:8081", scheme: "http"))
        #expect(!served.serves("127.0.0.2:8080", scheme: "http"))
    }

    @Test func anEntryOnTheDefaultPortServesTheAuthorityWithoutOne() {
        #expect(ServedAuthorities(["hub.example:443"]).serves("hub.example", scheme: "https"))
        #expect(!ServedAuthorities(["hub.example:443"]).serves("hub.example", scheme: "http"))
    }

    @Test(arguments: ["", "user@hub.example", "hub example", "hub.example:99999", "hub.example:0", "[::1", "a/b"])
    func whatIsNotAnAuthorityIsNeitherAddedNorServed(text: String) {
        var served = ServedAuthorities()
        let added = served.insert(text)
        #expect(!added)
        #expect(served.entries.isEmpty)
        #expect(!ServedAuthorities(["hub.example"]).serves(text, scheme: "http"))
    }

    @Test func theServerAnswersForItsConfiguredAuthoritiesItsAddressAndLocalhost() {
        var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.authorities = ["lapor.example.go.id"]
        let served = configuration.limits(boundPort: 40_123).servedAuthorities
        #expect(served.serves("lapor.example.go.id", scheme: "https"))
        #expect(served.serves("127.0.0.1:40123", scheme: "http"))
        #expect(served.serves("localhost:40123", scheme: "http"))
        #expect(!served.serves("localhost", scheme: "http"))
        #expect(!served.serves("evil.example", scheme: "http"))
    }

    @Test func aWildcardListenerAnswersForTheLoopbackAddress() {
        let served = HTTPServerConfiguration(host: "0.0.0.0", port: 0).limits(boundPort: 8080).servedAuthorities
        #expect(served.serves("127.0.0.1:8080", scheme: "http"))
        #expect(!served.serves("0.0.0.0:8080", scheme: "http"))
    }
}
