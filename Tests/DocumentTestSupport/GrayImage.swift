/// An 8-bit grey picture written as binary PGM (P5), which zbarimg reads.
public struct GrayImage: Sendable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, fill: UInt8 = 255) {
        self.width = width
        self.height = height
        pixels = Array(repeating: fill, count: width * height)
    }

    /// Paints the square block of `scale` pixels at block column `x`, block row `y`.
    public mutating func paint(blockX x: Int, blockY y: Int, scale: Int, value: UInt8) {
        for row in y * scale..<(y + 1) * scale {
            for column in x * scale..<(x + 1) * scale { pixels[row * width + column] = value }
        }
    }

    public var pgm: [UInt8] { Array("P5\n\(width) \(height)\n255\n".utf8) + pixels }
}
