@testable import QRCode
import Testing

/// The capacities of Table 9, the alignment positions of Annex E, and the BCH-coded format and
/// version information of Annexes C and D.
struct SymbolVersionTests {
    static let totalCodewords = [
        26, 44, 70, 100, 134, 172, 196, 242, 292, 346, 404, 466, 532, 581, 655, 733, 815, 901, 991, 1085,
        1156, 1258, 1364, 1474, 1588, 1706, 1828, 1921, 2051, 2185, 2323, 2465, 2611, 2761, 2876, 3034,
        3196, 3362, 3532, 3706,
    ]

    @Test func everyVersionHoldsTheStandardsCodewords() {
        #expect(SymbolVersion.all.map(\.totalCodewords) == Self.totalCodewords)
    }

    @Test func blocksShareTheCodewordsWithNoneLeftOver() {
        for version in SymbolVersion.all {
            for level in ErrorCorrectionLevel.allCases {
                let blocks = version.blockCount(level)
                let perBlock = version.totalCodewords / blocks - version.errorCorrectionPerBlock(level)
                #expect(perBlock > 0 && version.totalCodewords % blocks < blocks, "\(version.number)-\(level)")
            }
        }
    }

    @Test func dataCapacitiesMatchTheStandardAtBothEnds() {
        #expect([ErrorCorrectionLevel.l, .m, .q, .h].map { SymbolVersion(1).dataCodewords($0) } == [19, 16, 13, 9])
        #expect([ErrorCorrectionLevel.l, .m, .q, .h].map { SymbolVersion(40).dataCodewords($0) } == [2956, 2334, 1666, 1276])
        #expect(SymbolVersion(10).dataCodewords(.h) == 122)
    }

    @Test(arguments: [
        (2, [6, 18]), (7, [6, 22, 38]), (14, [6, 26, 46, 66]), (22, [6, 26, 50, 74, 98]),
        (32, [6, 34, 60, 86, 112, 138]), (36, [6, 24, 50, 76, 102, 128, 154]), (40, [6, 30, 58, 86, 114, 142, 170]),
    ])
    func alignmentPatternsStandWhereAnnexEPutsThem(version: Int, centres: [Int]) {
        #expect(SymbolVersion(version).alignmentCentres == centres)
    }

    @Test func formatInformationIsTheMaskedBchCode() {
        #expect(ModuleGrid.formatBits(level: .m, mask: 0) == 0b101010000010010)
        #expect(ModuleGrid.formatBits(level: .l, mask: 0) == 0b111011111000100)
        #expect(ModuleGrid.formatBits(level: .h, mask: 7) == 0b000100000111011)
    }

    @Test func versionInformationIsTheBchCode() {
        #expect(ModuleGrid.versionBits(7) == 0b000111110010010100)
        #expect(ModuleGrid.versionBits(40) == 0b101000110001101001)
    }
}
