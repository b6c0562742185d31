import Testing
@testable import Web

@Suite struct QueryEscapeTests {
    @Test(arguments: [
        ("99.71.02.1004", "99.71.02.1004"),
        ("pekerjaan-umum_x~", "pekerjaan-umum_x~"),
        ("2026-11-23T06:04:19.123456Z,42", "2026-11-23T06%3A04%3A19.123456Z%2C42"),
        ("a b&c=d+e?f#g/h", "a%20b%26c%3Dd%2Be%3Ff%23g%2Fh"),
        ("Jl. Merdeka № 5 — é", "Jl.%20Merdeka%20%E2%84%96%205%20%E2%80%94%20%C3%A9"),
        ("", ""),
    ])
    func keepsUnreservedAndEscapesEveryOtherByte(text: String, escaped: String) {
        #expect(queryEscape(text) == escaped)
    }

    @Test func aPublicLinkCarriesItsFiltersEscaped() {
        #expect(PublicLinks.path("/laporan", [("area", "99.71.02"), ("q", "a&b")], language: .en) == "/laporan?area=99.71.02&q=a%26b&lang=en")
    }
}
