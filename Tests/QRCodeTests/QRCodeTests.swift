import QRCode
import Testing

/// Choosing mode and version, refusing what does not fit, and the fixed patterns of a symbol.
struct QRCodeTests {
    @Test func theMostCompactModeIsChosen() throws {
        #expect(try QRCode(encoding: "01234567").mode == .numeric)
        #expect(try QRCode(encoding: "HTTPS://X.ID/V/1").mode == .alphanumeric)
        #expect(try QRCode(encoding: "https://x.id/v/1").mode == .byte)
    }

    @Test func theSmallestVersionThatHoldsTheTextIsChosen() throws {
        // 1-L holds 41 digits, 25 alphanumeric characters or 17 bytes (Table 7)
        #expect(try QRCode(encoding: String(repeating: "7", count: 41), level: .l).version == 1)
        #expect(try QRCode(encoding: String(repeating: "7", count: 42), level: .l).version == 2)
        #expect(try QRCode(encoding: String(repeating: "A", count: 25), level: .l).version == 1)
        #expect(try QRCode(encoding: String(repeating: "a", count: 17), level: .l).version == 1)
        #expect(try QRCode(encoding: String(repeating: "a", count: 18), level: .l).version == 2)
        #expect(try QRCode(encoding: "a", level: .h, minimumVersion: 5).version == 5)
    }

    @Test func version40HoldsTheStandardsMaximum() throws {
        #expect(try QRCode(encoding: String(repeating: "x", count: 2953), level: .l).version == 40)
        #expect(try QRCode(encoding: String(repeating: "9", count: 7089), level: .l).version == 40)
        #expect(try QRCode(encoding: String(repeating: "Z", count: 1852), level: .h).version == 40)
    }

    @Test func textBeyondVersion40IsRefused() {
        #expect(throws: QRCodeError.self) { try QRCode(encoding: String(repeating: "x", count: 2954), level: .l) }
        #expect(throws: QRCodeError.self) { try QRCode(encoding: String(repeating: "Z", count: 1853), level: .h) }
    }

    @Test func aModeThatCannotHoldTheTextIsRefused() {
        #expect(throws: QRCodeError.notEncodable(.alphanumeric)) { try QRCode(encoding: "lower", mode: .alphanumeric) }
        #expect(throws: QRCodeError.notEncodable(.numeric)) { try QRCode(encoding: "12A", mode: .numeric) }
    }

    @Test func parametersOutOfRangeAreRefused() {
        #expect(throws: QRCodeError.invalidParameter("mask 8")) { try QRCode(encoding: "1", mask: 8) }
        #expect(throws: QRCodeError.invalidParameter("minimumVersion 41")) { try QRCode(encoding: "1", minimumVersion: 41) }
    }

    @Test func finderPatternsStandInThreeCorners() throws {
        let code = try QRCode(encoding: "01234567", level: .m)
        #expect(code.size == 21)
        for (left, top) in [(0, 0), (code.size - 7, 0), (0, code.size - 7)] {
            for dy in 0..<7 {
                for dx in 0..<7 {
                    let ring = max(abs(dx - 3), abs(dy - 3))
                    #expect(code[left + dx, top + dy] == (ring != 2))
                }
            }
        }
        #expect(code[8, code.size - 8])        // the dark module
        #expect(!code[-1, 0] && !code[code.size, 0])
    }

    @Test func theSameTextGivesTheSameSymbol() throws {
        #expect(try QRCode(encoding: "Desa Sukamaju 470/12") == QRCode(encoding: "Desa Sukamaju 470/12"))
    }
}
