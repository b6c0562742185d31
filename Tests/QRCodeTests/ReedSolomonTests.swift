@testable import QRCode
import Testing

/// Error correction against ISO/IEC 18004's own example (Annex I: "01234567" as 1-M).
struct ReedSolomonTests {
    static let isoData: [UInt8] = [
        0b0001_0000, 0b0010_0000, 0b0000_1100, 0b0101_0110, 0b0110_0001, 0b1000_0000, 0b1110_1100, 0b0001_0001,
        0b1110_1100, 0b0001_0001, 0b1110_1100, 0b0001_0001, 0b1110_1100, 0b0001_0001, 0b1110_1100, 0b0001_0001,
    ]
    static let isoCorrection: [UInt8] = [
        0b1010_0101, 0b0010_0100, 0b1101_0100, 0b1100_0001, 0b1110_1101,
        0b0011_0110, 0b1100_0111, 0b1000_0111, 0b0010_1100, 0b0101_0101,
    ]

    @Test func theIsoExampleGetsTheIsoErrorCorrectionCodewords() {
        #expect(ReedSolomon(degree: 10).remainder(of: Self.isoData) == Self.isoCorrection)
    }

    @Test func theIsoExampleTextBecomesTheIsoDataCodewords() throws {
        let segment = try Segment("01234567", mode: .numeric)
        #expect(Codewords.data(segment, version: SymbolVersion(1), level: .m) == Self.isoData)
    }

    @Test func aSingleBlockSymbolIsItsDataThenItsCorrection() throws {
        let sequence = Codewords.interleaved(Self.isoData, version: SymbolVersion(1), level: .m)
        #expect(sequence == Self.isoData + Self.isoCorrection)
    }

    @Test func theGeneratorOfDegreeSevenIsTheStandards() {
        // Annex A: x^7 + α^87 x^6 + α^229 x^5 + α^146 x^4 + α^149 x^3 + α^238 x^2 + α^102 x + α^21
        let exponents = [87, 229, 146, 149, 238, 102, 21]
        let expected = exponents.map { exponent in (0..<exponent).reduce(UInt8(1)) { value, _ in Galois.multiply(value, 2) } }
        #expect(ReedSolomon(degree: 7).generator == expected)
    }

    @Test func blocksOfTwoLengthsInterleaveShortFirst() {
        // 5-Q: two blocks of 15 and two of 16 data codewords, 18 correction codewords each.
        let version = SymbolVersion(5)
        let data = (0..<version.dataCodewords(.q)).map { UInt8($0) }
        let sequence = Codewords.interleaved(data, version: version, level: .q)
        #expect(sequence.count == 134)
        #expect(Array(sequence.prefix(8)) == [0, 15, 30, 46, 1, 16, 31, 47])
        // the 16th data codeword exists only in the two long blocks
        #expect(Array(sequence[60..<62]) == [45, 61])
        #expect(sequence[62] == ReedSolomon(degree: 18).remainder(of: Array(data[0..<15]))[0])
    }
}
