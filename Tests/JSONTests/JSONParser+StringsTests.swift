import Testing
@testable import JSON

struct JSONParserStringsTests {
    @Test func everyEscapeIsRead() throws {
        #expect(try parsed(#""\"\\\/\b\f\n\r\t""#) == .string("\"\\/\u{8}\u{C}\n\r\t"))
        #expect(try parsed(#""a\u00e9\u00E9\u0000\u001f\u2028z""#) == .string("aéé\u{0}\u{1F}\u{2028}z"))
    }

    @Test func aSurrogatePairIsOneCharacter() throws {
        #expect(try parsed(#""\ud83d\ude00 \uD83D\uDE00""#) == .string("😀 😀"))
        #expect(try parsed(#""\udbff\udfff""#) == .string("\u{10FFFF}"))
    }

    @Test func utf8TextPassesThroughUnchanged() throws {
        #expect(try parsed("\"Jalan rusak é € 😀 \u{7F}\"") == .string("Jalan rusak é € 😀 \u{7F}"))
        #expect(try parsed("{\"kelurahan\u{2028}\":\"a\\n\u{10FFFF}\"}") == ["kelurahan\u{2028}": "a\n\u{10FFFF}"])
    }

    @Test(arguments: [
        (#""\x""#, JSONSyntaxError.Reason.invalidEscape, 1), (#""ab\'""#, .invalidEscape, 3), (#""\u12G4""#, .invalidEscape, 5),
        (#""\u12""#, .invalidEscape, 5), (#""\u12"#, .unexpectedEnd, 5), (#""a\"#, .unexpectedEnd, 3), (#""abc"#, .unexpectedEnd, 4),
        (#""ab\n"#, .unexpectedEnd, 5),
    ])
    func aBadEscapeOrAnUnendedStringIsRefused(text: String, reason: JSONSyntaxError.Reason, offset: Int) {
        #expect(refusal(text) == JSONSyntaxError(reason, at: offset))
    }

    @Test(arguments: [#""\ud800""#, #""\udc00""#, #""\ud83d\u0041""#, #""\ud83d\ud83d""#, #""\ude00\ud83d""#, #""\ud83d"#,
                      #""\ud83dx""#, #""\ud83d\n""#])
    func aLoneSurrogateIsRefused(text: String) {
        #expect(refusal(text) == JSONSyntaxError(.loneSurrogate, at: 1))
    }

    @Test(arguments: [UInt8(0x00), 0x01, 0x09, 0x0A, 0x0D, 0x1F])
    func anUnescapedControlCharacterIsRefused(byte: UInt8) {
        #expect(refusal([0x22, 0x61, byte, 0x22]) == JSONSyntaxError(.controlCharacter, at: 2))
        #expect(refusal([0x7B, 0x22, 0x61, byte] + Array(#"":1}"#.utf8)) == JSONSyntaxError(.controlCharacter, at: 3), "in a key")
        #expect(refusal([0x22, 0x5C, 0x6E, byte, 0x22]) == JSONSyntaxError(.controlCharacter, at: 3), "after an escape too")
    }

    @Test(arguments: [
        ([0xFF], "not a lead byte"), ([0x80], "a continuation alone"), ([0xC3], "cut short"), ([0xC3, 0x28], "a bad continuation"),
        ([0xC0, 0xAF], "overlong in two bytes"), ([0xE0, 0x80, 0xAF], "overlong in three"), ([0xF0, 0x80, 0x80, 0xAF], "overlong in four"),
        ([0xED, 0xA0, 0x80], "an encoded surrogate"), ([0xF4, 0x90, 0x80, 0x80], "past U+10FFFF"), ([0xF5, 0x80, 0x80, 0x80], "past F4"),
        ([0xE2, 0x82], "three bytes cut short"), ([0xF0, 0x9F, 0x98], "four bytes cut short"),
    ] as [([UInt8], String)])
    func invalidUTF8IsRefusedWhereItStarts(bytes: [UInt8], what: String) {
        #expect(refusal([0x22, 0x61] + bytes + [0x22]) == JSONSyntaxError(.invalidUTF8, at: 2), "\(what)")
        #expect(refusal([0x7B, 0x22] + bytes + Array(#"":1}"#.utf8)) == JSONSyntaxError(.invalidUTF8, at: 2), "\(what) in a key")
        #expect(refusal([0x22, 0x5C, 0x74] + bytes + [0x22]) == JSONSyntaxError(.invalidUTF8, at: 3), "\(what) after an escape")
    }

    @Test func textInUTF16IsRefused() {
        #expect(refusal([0xFF, 0xFE, 0x5B, 0x00, 0x31, 0x00, 0x5D, 0x00]) == JSONSyntaxError(.unexpectedByte, at: 0))
        #expect(refusal([0x5B, 0x00, 0x31, 0x00, 0x5D, 0x00]) == JSONSyntaxError(.unexpectedByte, at: 1))
    }
}
