import Testing
@testable import Web

struct HTMLTests {
    @Test(arguments: [
        ("", ""),
        ("biasa saja", "biasa saja"),
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ("\"", "&quot;"),
        ("'", "&#39;"),
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        ("\"'><img src=x onerror=alert(1)>", "&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        ("&amp; stays text", "&amp;amp; stays text"),
        ("a=1&b=2", "a=1&amp;b=2"),
        ("Jl. Cempaka № 5 — 🚧 ضوء 路灯", "Jl. Cempaka № 5 — 🚧 ضوء 路灯"),
        ("baris satu\r\nbaris dua\ttab", "baris satu\r\nbaris dua\ttab"),
        ("\u{0}nul", "\u{0}nul"),
    ])
    func escapesTheFiveMarkupCharactersAndKeepsEverythingElse(text: String, expected: String) {
        #expect(Array(HTML.escape(text).utf8) == Array(expected.utf8))
    }

    /// A quote, an ampersand or a bracket followed by a combining mark is one Character in Swift, equal
    /// to none of them: escaping by Character let `"\u{301}` through and ended the attribute value.
    @Test(arguments: [
        ("\"\u{301} onfocus=alert(1)", "&quot;\u{301} onfocus=alert(1)"),
        ("'\u{301}", "&#39;\u{301}"),
        ("&\u{301}", "&amp;\u{301}"),
        ("<\u{338}", "&lt;\u{338}"),
        (">\u{20D2}", "&gt;\u{20D2}"),
        ("x\"\u{200D}\u{301}", "x&quot;\u{200D}\u{301}"),
    ])
    func escapesMarkupCharactersThatCarryACombiningMark(text: String, expected: String) {
        let escaped = Array(HTML.escape(text).utf8)
        #expect(escaped == Array(expected.utf8))
        #expect(!escaped.contains(UInt8(ascii: "\"")) && !escaped.contains(UInt8(ascii: "<")) && !escaped.contains(UInt8(ascii: ">"))
                && !escaped.contains(UInt8(ascii: "'")))
    }

    @Test(arguments: Hostile.all)
    func escapedTextNeverHoldsAMarkupByte(hostile: Hostile) {
        let escaped = HTML.escape(hostile.raw)
        #expect(Array(escaped.utf8) == Array(hostile.escaped.utf8))
        #expect(!escaped.utf8.contains { "<>\"'".utf8.contains($0) })
    }
}
