import DocumentTestSupport
import QRCode
import Testing

/// Symbols read back by an independent decoder, Debian's zbarimg: every version at every level, in
/// each mode, from a grey picture of four pixels a module.
@Suite(.serialized)
struct QRCodeDecodingTests {
    /// The longest text of `mode` that still fits `version` at `level`, so that the symbol is exactly
    /// that version; drawn from a fixed sequence so a failure repeats.
    static func filling(version: Int, level: ErrorCorrectionLevel, mode: Mode) -> String {
        let dataBits = SymbolCapacity.dataBits(version: version, level: level)
        let countBits: Int
        switch mode {
        case .numeric: countBits = version <= 9 ? 10 : version <= 26 ? 12 : 14
        case .alphanumeric: countBits = version <= 9 ? 9 : version <= 26 ? 11 : 13
        case .byte: countBits = version <= 9 ? 8 : 16
        }
        let room = dataBits - 4 - countBits
        let alphabet: [Character]
        let length: Int
        switch mode {
        case .numeric:
            alphabet = Array("0123456789")
            length = room / 10 * 3 + (room % 10 >= 7 ? 2 : room % 10 >= 4 ? 1 : 0)
        case .alphanumeric:
            alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
            length = room / 11 * 2 + (room % 11 >= 6 ? 1 : 0)
        case .byte:
            alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789 /?=&-")
            length = room / 8
        }
        var state: UInt32 = UInt32(version * 4 + level.rawValue)
        return String((0..<length).map { _ in
            state = state &* 1_103_515_245 &+ 12345
            return alphabet[Int(state >> 16) % alphabet.count]
        })
    }

    static func decoded(_ code: QRCode) throws -> String {
        let scale = 4, quietZone = 4
        let side = (code.size + 2 * quietZone) * scale
        var image = GrayImage(width: side, height: side)
        for y in 0..<code.size {
            for x in 0..<code.size where code[x, y] {
                image.paint(blockX: x + quietZone, blockY: y + quietZone, scale: scale, value: 0)
            }
        }
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let path = try folder.write(image.pgm, named: "symbol.pgm")
        let run = try ExternalTool("zbarimg").run(["-q", "--raw", "-Sbinary", path])
        #expect(run.status == 0, "zbarimg: \(run.errors)")
        return run.output.hasSuffix("\n") ? String(run.output.dropLast()) : run.output
    }

    /// Versions 1 to 10, then some up to 40 across each change of the count indicator's length
    /// (9/10, 26/27), each in one of the three modes by turns.
    static let versions = Array(1...10) + [13, 16, 20, 24, 26, 27, 31, 35, 40]

    @Test(arguments: versions, ErrorCorrectionLevel.allCases)
    func everyVersionAndLevelReadsBack(version: Int, level: ErrorCorrectionLevel) throws {
        let mode = [Mode.byte, .alphanumeric, .numeric][version % 3]
        let text = Self.filling(version: version, level: level, mode: mode)
        let code = try QRCode(encoding: text, level: level, mode: mode)
        #expect(code.version == version)
        #expect(try Self.decoded(code) == text)
    }

    @Test(arguments: [Mode.byte, .alphanumeric], [1, 7, 25])
    func bothModesReadBackAtEachSize(mode: Mode, version: Int) throws {
        let text = Self.filling(version: version, level: .m, mode: mode)
        #expect(try Self.decoded(QRCode(encoding: text, level: .m, mode: mode)) == text)
    }

    @Test func utf8TextReadsBackAsItsBytes() throws {
        let text = "Surat keterangan domisili — Desa Sukamaju, Kec. Pogalan ✓ 2026/470"
        let code = try QRCode(encoding: text, level: .q)
        #expect(code.mode == .byte)
        #expect(try Self.decoded(code) == text)
    }

    @Test(arguments: 0...7)
    func everyMaskReadsBack(mask: Int) throws {
        let text = "HTTPS://LAPOR.EXAMPLE.GO.ID/VERIFY/470-12"
        #expect(try Self.decoded(QRCode(encoding: text, level: .h, mask: mask)) == text)
    }
}

/// Data bits per version and level (Table 7), written out independently of the encoder's own table.
enum SymbolCapacity {
    static let dataCodewords: [[Int]] = [
        [19, 34, 55, 80, 108, 136, 156, 194, 232, 274, 324, 370, 428, 461, 523, 589, 647, 721, 795, 861,
         932, 1006, 1094, 1174, 1276, 1370, 1468, 1531, 1631, 1735, 1843, 1955, 2071, 2191, 2306, 2434, 2566, 2702, 2812, 2956],
        [16, 28, 44, 64, 86, 108, 124, 154, 182, 216, 254, 290, 334, 365, 415, 453, 507, 563, 627, 669,
         714, 782, 860, 914, 1000, 1062, 1128, 1193, 1267, 1373, 1455, 1541, 1631, 1725, 1812, 1914, 1992, 2102, 2216, 2334],
        [13, 22, 34, 48, 62, 76, 88, 110, 132, 154, 180, 206, 244, 261, 295, 325, 367, 397, 445, 485,
         512, 568, 614, 664, 718, 754, 808, 871, 911, 985, 1033, 1115, 1171, 1231, 1286, 1354, 1426, 1502, 1582, 1666],
        [9, 16, 26, 36, 46, 60, 66, 86, 100, 122, 140, 158, 180, 197, 223, 253, 283, 313, 341, 385,
         406, 442, 464, 514, 538, 596, 628, 661, 701, 745, 793, 845, 901, 961, 986, 1054, 1096, 1142, 1222, 1276],
    ]

    static func dataBits(version: Int, level: ErrorCorrectionLevel) -> Int {
        dataCodewords[level.rawValue][version - 1] * 8
    }
}
