import HTTP
import Testing

/// Pairs as comparable arrays (tuples are not Equatable).
private func pairs(_ items: [(name: String, value: String)]) -> [[String]] {
    items.map { [$0.name, $0.value] }
}

@Suite struct FormDecoderTests {
    @Test func decodesPlusAsSpace() {
        #expect(pairs(FormDecoder.decode("a=1&b=x+y")) == [["a", "1"], ["b", "x y"]])
    }

    @Test func decodesPercentEscapes() {
        #expect(pairs(FormDecoder.decode("q=a%2Bb%26c%3Dd&n%61me=%41")) == [["q", "a+b&c=d"], ["name", "A"]])
    }

    @Test func keepsEmptyValues() {
        #expect(pairs(FormDecoder.decode("a=&b&c=3")) == [["a", ""], ["b", ""], ["c", "3"]])
    }

    @Test func keepsEverythingAfterTheFirstEqualsSign() {
        #expect(pairs(FormDecoder.decode("expr=1%2B1=2")) == [["expr", "1+1=2"]])
    }

    @Test func skipsEmptyPairs() {
        #expect(pairs(FormDecoder.decode("&&a=1&&b=2&")) == [["a", "1"], ["b", "2"]])
        #expect(FormDecoder.decode("").isEmpty)
    }

    @Test func skipsPairsWithMalformedEscapes() {
        #expect(pairs(FormDecoder.decode("a=%zz&b=2&c%=3&d=%4&e=%ff&f=ok")) == [["b", "2"], ["f", "ok"]])
    }

    @Test func decodesUTF8() {
        #expect(pairs(FormDecoder.decode("kota=Jakarta+Selatan&catatan=caf%C3%A9+%F0%9F%99%82")) ==
            [["kota", "Jakarta Selatan"], ["catatan", "café 🙂"]])
        #expect(pairs(FormDecoder.decode("nama=Dewi Sartika")) == [["nama", "Dewi Sartika"]])
    }

    @Test func keepsRepeatedNamesInOrder() {
        #expect(pairs(FormDecoder.decode("tag=b&tag=a")) == [["tag", "b"], ["tag", "a"]])
    }

    @Test func bodyThatIsNotUTF8IsNil() {
        #expect(FormDecoder.decode(body: [0x61, 0x3D, 0xFF, 0xFE]) == nil)
        #expect(pairs(FormDecoder.decode(body: Array("a=1".utf8)) ?? []) == [["a", "1"]])
    }

    @Test func encodeEscapesReservedCharacters() {
        #expect(FormDecoder.encode([("a b", "c&d=e+f/g")]) == "a+b=c%26d%3De%2Bf%2Fg")
        #expect(FormDecoder.encode([("safe", "AZaz09-._~")]) == "safe=AZaz09-._~")
        #expect(FormDecoder.encode([("e", "é")]) == "e=%C3%A9")
    }

    @Test func roundTripsThroughEncode() {
        let items = [
            ("nama lengkap", "Budi & Sari"),
            ("kota", "Jakarta/Selatan?"),
            ("rumus", "1+1=2; 100%"),
            ("emoji", "🙂 café"),
            ("kosong", ""),
            ("baris", "satu\r\ndua"),
        ]
        let decoded = FormDecoder.decode(FormDecoder.encode(items))
        #expect(pairs(decoded) == items.map { [$0.0, $0.1] })
    }
}
