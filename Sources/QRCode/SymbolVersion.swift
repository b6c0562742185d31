/// What a version (1...40, 21 to 177 modules a side) holds at each error correction level
/// (ISO/IEC 18004, Table 9) and where its alignment patterns stand (Annex E).
struct SymbolVersion {
    let number: Int

    init(_ number: Int) {
        precondition((1...40).contains(number))
        self.number = number
    }

    static let all = (1...40).map(SymbolVersion.init)

    /// Modules a side.
    var size: Int { number * 4 + 17 }

    /// Error correction codewords in each block, by level (L, M, Q, H) and version.
    private static let errorCorrectionPerBlock: [[Int]] = [
        [7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
         28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
         26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
         28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
         30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    /// Error correction blocks, by level (L, M, Q, H) and version.
    private static let blockCounts: [[Int]] = [
        [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
         8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
         17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
         23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
         25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]

    func errorCorrectionPerBlock(_ level: ErrorCorrectionLevel) -> Int {
        Self.errorCorrectionPerBlock[level.rawValue][number - 1]
    }

    func blockCount(_ level: ErrorCorrectionLevel) -> Int {
        Self.blockCounts[level.rawValue][number - 1]
    }

    /// Alignment pattern centres along one axis: 6, then evenly spaced (by an even step) up to size - 7.
    var alignmentCentres: [Int] {
        guard number > 1 else { return [] }
        let count = number / 7 + 2
        let step = number == 32 ? 26 : (number * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        let tail = (0..<count - 1).map { size - 7 - $0 * step }
        return [6] + tail.reversed()
    }

    /// Modules left for codewords once the function patterns and the format and version information
    /// are placed.
    var dataModules: Int {
        var modules = size * size
        modules -= 3 * 64 + 2 * (size - 16)      // finders with separators, timing patterns
        modules -= 31                            // format information twice, and the dark module
        let centres = alignmentCentres.count
        if centres > 0 {
            // every crossing of centres but the three under finders, minus timing modules counted twice
            modules -= (centres * centres - 3) * 25 - (centres - 2) * 2 * 5
        }
        if number >= 7 { modules -= 36 }
        return modules
    }

    /// Codewords of the symbol, data and error correction (the remainder bits excluded).
    var totalCodewords: Int { dataModules / 8 }

    /// Data codewords at a level.
    func dataCodewords(_ level: ErrorCorrectionLevel) -> Int {
        totalCodewords - errorCorrectionPerBlock(level) * blockCount(level)
    }
}
