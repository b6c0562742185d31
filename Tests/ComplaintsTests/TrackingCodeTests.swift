import Complaints
import Testing

private let crockford = Set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

@Suite struct TrackingCodeTests {
    @Test func generatedCodesAreThirteenSymbolsWithoutAmbiguousLetters() {
        for _ in 0..<500 {
            let code = TrackingCode.generate()
            #expect(code.value.count == 13)
            #expect(code.value.allSatisfy { crockford.contains($0) }, "\(code.value)")
            #expect(!code.value.contains { "ILOU".contains($0) })
        }
    }

    @Test func manyGeneratedCodesAreDistinct() {
        let codes = (0..<10_000).map { _ in TrackingCode.generate() }
        #expect(Set(codes).count == codes.count)
    }

    @Test func seededGenerationRepeatsAndUsesTheWholeAlphabet() {
        var first = SeededGenerator(state: 2024)
        var second = SeededGenerator(state: 2024)
        let a = (0..<300).map { _ in TrackingCode.generate(using: &first) }
        let b = (0..<300).map { _ in TrackingCode.generate(using: &second) }
        #expect(a == b)
        #expect(Set(a.flatMap(\.value)) == crockford)
    }

    @Test func generatedCodesParseBackToThemselves() {
        for _ in 0..<100 {
            let code = TrackingCode.generate()
            #expect(TrackingCode(parsing: code.value) == code)
            #expect(TrackingCode(parsing: code.grouped) == code)
        }
    }

    @Test func parsingIsCaseInsensitive() {
        #expect(TrackingCode(parsing: "abcdefghjkmnp")?.value == "ABCDEFGHJKMNP")
        #expect(TrackingCode(parsing: "AbCdEfGhJkMnP")?.value == "ABCDEFGHJKMNP")
    }

    @Test(arguments: ["ABCD-EFGH-JKMNP", "abcd efgh jkmnp", " ABCD EFGH JKMNP ", "AB-CD--EF GH-JK MNP", "-ABCDEFGHJKMNP-"])
    func parsingToleratesDashesAndSpaces(text: String) {
        #expect(TrackingCode(parsing: text)?.value == "ABCDEFGHJKMNP")
    }

    @Test func parsingMapsIAndLToOneAndOToZero() {
        #expect(TrackingCode(parsing: "ABCDEFGHIJKLO")?.value == "ABCDEFGH1JK10")
        #expect(TrackingCode(parsing: "abcdefghijklo")?.value == "ABCDEFGH1JK10")
        #expect(TrackingCode(parsing: "OOOO-IIII-LLLLL") == TrackingCode(parsing: "0000-1111-11111"))
    }

    @Test(arguments: ["", "----", "ABCDEFGHJKMN", "ABCDEFGHJKMNPQ", "ABCD-EFGH-JKMN", "ABCDEFGHJKMNPABCDEFGHJKMNP"])
    func parsingRejectsWrongLengths(text: String) {
        #expect(TrackingCode(parsing: text) == nil)
    }

    @Test(arguments: ["ABCDEFGHJKMNU", "uBCDEFGHJKMNP", "ABCDEFGHJKMN!", "ABCDEFGHJKMN_", "ABCDEFGHJKMN*",
                      "ABCDEFGHJKMN\u{C9}", "ABCD.EFGH.JKMNP", "ABCD/EFGH/JKMNP", "ABCDEFGHJKMN\t"])
    func parsingRejectsSymbolsOutsideTheAlphabet(text: String) {
        #expect(TrackingCode(parsing: text) == nil)
    }

    @Test func groupedSplitsFourFourFive() throws {
        let code = try #require(TrackingCode(parsing: "abcdefghjkmnp"))
        #expect(code.grouped == "ABCD-EFGH-JKMNP")
        #expect(code.description == "ABCDEFGHJKMNP")
    }
}
