/// The fixed parts of a symbol (ISO/IEC 18004, 6.3 and 7.9): finder patterns with their separators,
/// timing patterns, alignment patterns, the dark module, and the format and version information.
extension ModuleGrid {
    /// Draws every function pattern of `version`, with the format information of `level` and `mask`.
    mutating func drawFunctionPatterns(version: SymbolVersion, level: ErrorCorrectionLevel, mask: Int) {
        for index in 0..<size {
            setFunction(x: 6, y: index, dark: index % 2 == 0)
            setFunction(x: index, y: 6, dark: index % 2 == 0)
        }
        drawFinder(centreX: 3, centreY: 3)
        drawFinder(centreX: size - 4, centreY: 3)
        drawFinder(centreX: 3, centreY: size - 4)

        let centres = version.alignmentCentres
        for (row, y) in centres.enumerated() {
            for (column, x) in centres.enumerated() {
                let last = centres.count - 1
                let underFinder = (row == 0 && column == 0) || (row == 0 && column == last) || (row == last && column == 0)
                if !underFinder { drawAlignment(centreX: x, centreY: y) }
            }
        }
        drawFormat(level: level, mask: mask)
        if version.number >= 7 { drawVersion(version.number) }
    }

    /// A 7x7 finder and the light separator around it, clipped at the symbol's edges.
    private mutating func drawFinder(centreX: Int, centreY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = centreX + dx, y = centreY + dy
                guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                let ring = max(abs(dx), abs(dy))
                setFunction(x: x, y: y, dark: ring != 2 && ring != 4)
            }
        }
    }

    private mutating func drawAlignment(centreX: Int, centreY: Int) {
        for dy in -2...2 {
            for dx in -2...2 {
                setFunction(x: centreX + dx, y: centreY + dy, dark: max(abs(dx), abs(dy)) != 1)
            }
        }
    }

    /// The 15 format bits (7.9.1), bit 0 the least significant, placed twice: around the top-left
    /// finder, and split between the top-right and bottom-left ones, beside the dark module.
    mutating func drawFormat(level: ErrorCorrectionLevel, mask: Int) {
        let bits = Self.formatBits(level: level, mask: mask)
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
        for index in 0...5 { setFunction(x: 8, y: index, dark: bit(index)) }
        setFunction(x: 8, y: 7, dark: bit(6))
        setFunction(x: 8, y: 8, dark: bit(7))
        setFunction(x: 7, y: 8, dark: bit(8))
        for index in 9..<15 { setFunction(x: 14 - index, y: 8, dark: bit(index)) }
        for index in 0..<8 { setFunction(x: size - 1 - index, y: 8, dark: bit(index)) }
        for index in 8..<15 { setFunction(x: 8, y: size - 15 + index, dark: bit(index)) }
        setFunction(x: 8, y: size - 8, dark: true)
    }

    /// Level and mask, a BCH(15,5) code with the generator 0x537, XORed with 0x5412 so that no
    /// format is all light.
    static func formatBits(level: ErrorCorrectionLevel, mask: Int) -> Int {
        let data = level.formatBits << 3 | mask
        return (data << 10 | bchRemainder(data, generator: 0x537, degree: 10)) ^ 0x5412
    }

    /// The version, a BCH(18,6) code with the generator 0x1F25 (7.10), above the bottom-left finder and
    /// left of the top-right one, bit 0 nearest the corner of the symbol.
    private mutating func drawVersion(_ version: Int) {
        let bits = Self.versionBits(version)
        for index in 0..<18 {
            let dark = (bits >> index) & 1 == 1
            let across = size - 11 + index % 3, along = index / 3
            setFunction(x: across, y: along, dark: dark)
            setFunction(x: along, y: across, dark: dark)
        }
    }

    static func versionBits(_ version: Int) -> Int {
        version << 12 | bchRemainder(version, generator: 0x1F25, degree: 12)
    }

    private static func bchRemainder(_ data: Int, generator: Int, degree: Int) -> Int {
        var remainder = data << degree
        for shift in stride(from: remainder.bitWidth - remainder.leadingZeroBitCount - 1, through: degree, by: -1)
        where (remainder >> shift) & 1 == 1 {
            remainder ^= generator << (shift - degree)
        }
        return remainder
    }
}
