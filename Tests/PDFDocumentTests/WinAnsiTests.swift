import PDFDocument
import Testing

/// Indonesian and Western text keeps its characters; anything else becomes a visible "?", one per
/// character as the reader sees it.
struct WinAnsiTests {
    @Test func latinTextMapsToItsWinAnsiCodes() {
        #expect(WinAnsi.encode("Rp 5.000") == Array("Rp 5.000".utf8))
        #expect(WinAnsi.encode("é€—“”") == [0xE9, 0x80, 0x97, 0x93, 0x94])
        #expect(WinAnsi.canEncode("Kecamatan Pogalan, Jl. Raya No. 1 — café"))
    }

    @Test func combiningAccentsAreComposedFirst() {
        #expect(WinAnsi.encode("e\u{0301}") == [0xE9])
    }

    @Test func charactersOutsideWinAnsiBecomeOneQuestionMarkEach() {
        #expect(WinAnsi.encode("北京 ok") == Array("?? ok".utf8))
        #expect(WinAnsi.encode("👨‍👩‍👧 x") == Array("? x".utf8))
        #expect(!WinAnsi.canEncode("ok ✓"))
    }

    @Test func tabsAndLineBreaksAreSpaces() {
        #expect(WinAnsi.encode("a\tb\nc\r\nd") == Array("a b c d".utf8))
    }
}
