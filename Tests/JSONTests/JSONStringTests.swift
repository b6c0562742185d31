import JSON
import Testing

@Suite struct JSONStringTests {
    @Test(arguments: ["", "plain /api/v1/complaints", "quote \" backslash \\ slash /", "line\nfeed\rreturn\ttab",
                      "control \u{0}\u{1}\u{1F}\u{7F}", "separators \u{2028} and \u{2029}", "Kelurahan Pasar Baru ✓ é 🚧",
                      "\u{2027}\u{202A}", "x\"y\\z\u{1}\u{2028}"])
    func bytesMatchTheStringForm(_ text: String) {
        var bytes: [UInt8] = []
        JSONString.append(text, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == JSONString.quoted(text))
    }

    @Test func escapesWhatJSONAndJavaScriptNeed() {
        var bytes: [UInt8] = []
        JSONString.append("a\"\\\n\u{1}\u{2028}", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #""a\"\\\n\u0001\u2028""#)
    }
}
