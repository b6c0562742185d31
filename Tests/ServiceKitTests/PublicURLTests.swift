import ServiceKit
import Testing

struct PublicURLTests {
    @Test(arguments: [
        ("https://lapor.example.go.id", "https://lapor.example.go.id", "lapor.example.go.id", ""),
        ("https://Lapor.Example.GO.id/", "https://lapor.example.go.id", "lapor.example.go.id", ""),
        ("HTTPS://lapor.example.go.id:443", "https://lapor.example.go.id", "lapor.example.go.id", ""),
        ("http://lapor.example.go.id:80/", "http://lapor.example.go.id", "lapor.example.go.id", ""),
        ("http://10.1.2.3:8080", "http://10.1.2.3:8080", "10.1.2.3:8080", ""),
        ("https://lapor.example.go.id:8443/hub//", "https://lapor.example.go.id:8443", "lapor.example.go.id:8443", "/hub"),
        ("http://[2001:db8::1]:8080/pengaduan", "http://[2001:db8::1]:8080", "[2001:db8::1]:8080", "/pengaduan"),
    ])
    func readsAnAbsoluteHTTPURL(text: String, origin: String, authority: String, path: String) throws {
        let url = try #require(PublicURL(text))
        #expect(url.origin == origin && url.authority == authority && url.path == path)
        #expect(url.description == origin + path)
        #expect(url.absolute("/track/7QK2M9XW4HNPA") == origin + path + "/track/7QK2M9XW4HNPA")
    }

    @Test(arguments: [
        "", "lapor.example.go.id", "/pengaduan", "ftp://lapor.example.go.id", "javascript:alert(1)", "https://",
        "https://lapor.example.go.id/?x=1", "https://lapor.example.go.id/#top", "https://user@lapor.example.go.id",
        "https://user:pass@lapor.example.go.id", "https://lapor example.go.id",
    ])
    func refusesAnythingElse(text: String) {
        #expect(PublicURL(text) == nil)
    }

    @Test func httpsIsTold() {
        #expect(PublicURL("https://lapor.example.go.id")?.isHTTPS == true)
        #expect(PublicURL("http://lapor.example.go.id")?.isHTTPS == false)
        #expect(PublicURL("https://lapor.example.go.id:8443")?.port == 8443 && PublicURL("https://lapor.example.go.id:443")?.port == nil)
    }
}
