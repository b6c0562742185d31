/// A QR code symbol (ISO/IEC 18004 Model 2): versions 1 to 40, error correction L, M, Q or H, one
/// segment in numeric, alphanumeric or byte (UTF-8) mode, the mask with the lowest penalty.
///
///     let code = try QRCode(encoding: "https://lapor.example.go.id/verify/470/12", level: .m)
///     code.size            // modules a side, without the quiet zone
///     code[x, y]           // true for a dark module
///     code.svg()           // or code.rectangles(moduleSize:) to draw it in a PDF
public struct QRCode: Sendable, Equatable {
    /// 1...40; the symbol has `version * 4 + 17` modules a side.
    public let version: Int
    public let level: ErrorCorrectionLevel
    public let mode: Mode
    /// The data mask (0...7) the symbol carries.
    public let mask: Int
    /// Modules a side, without the quiet zone.
    public let size: Int
    private let modules: [Bool]

    /// Encodes `text` in the smallest version that holds it at `level`.
    /// - Parameters:
    ///   - text: the content; its UTF-8 bytes in byte mode.
    ///   - level: the error correction level.
    ///   - mode: the mode to use; nil takes the most compact that holds the whole text.
    ///   - minimumVersion: the smallest version to consider (1...40).
    ///   - mask: a mask pattern to use (0...7); nil lets the penalty rules choose.
    /// - Throws: `QRCodeError.tooLong` when not even version 40 holds the text,
    ///   `.notEncodable` when `mode` cannot hold it, `.invalidParameter` for a version or mask out of range.
    public init(
        encoding text: String,
        level: ErrorCorrectionLevel = .m,
        mode: Mode? = nil,
        minimumVersion: Int = 1,
        mask: Int? = nil
    ) throws(QRCodeError) {
        guard (1...40).contains(minimumVersion) else { throw .invalidParameter("minimumVersion \(minimumVersion)") }
        if let mask, !(0...7).contains(mask) { throw .invalidParameter("mask \(mask)") }
        let segment = try Segment(text, mode: mode ?? Mode.narrowest(for: Array(text.utf8)))

        guard let version = SymbolVersion.all[(minimumVersion - 1)...].first(where: { version in
            segment.bitLength(version: version.number).map { $0 <= version.dataCodewords(level) * 8 } ?? false
        }) else {
            throw .tooLong(dataBits: segment.bitLength(version: 40) ?? segment.data.count, level: level)
        }

        let data = Codewords.data(segment, version: version, level: level)
        let codewords = Codewords.interleaved(data, version: version, level: level)
        var grid = ModuleGrid(size: version.size)
        grid.drawFunctionPatterns(version: version, level: level, mask: 0)
        grid.place(codewords)

        let chosen = mask ?? (0...7)
            .map { candidate in (candidate, Self.penalty(of: grid, mask: candidate, level: level)) }
            .min { $0.1 < $1.1 }!.0
        grid.apply(mask: chosen)
        grid.drawFormat(level: level, mask: chosen)

        self.version = version.number
        self.level = level
        self.mode = segment.mode
        self.mask = chosen
        self.size = version.size
        self.modules = grid.dark
    }

    private static func penalty(of grid: ModuleGrid, mask: Int, level: ErrorCorrectionLevel) -> Int {
        var masked = grid
        masked.apply(mask: mask)
        masked.drawFormat(level: level, mask: mask)
        return masked.penalty
    }

    /// Whether the module in column `x`, row `y` (from the top left, 0-based) is dark; anything outside
    /// the symbol is the light quiet zone.
    public subscript(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }
}
