/// A zlib (RFC 1950) and DEFLATE (RFC 1951) decoder, for the PNG images whose transparency has to be
/// taken apart from their colour before PDF can place them.
enum Inflate {
    /// The data of a zlib stream.
    /// - Throws: `PDFError.unsupportedImage` when the stream does not decode.
    static func zlib(_ bytes: [UInt8]) throws(PDFError) -> [UInt8] {
        guard bytes.count >= 6, bytes[0] & 0x0F == 8, (Int(bytes[0]) << 8 | Int(bytes[1])) % 31 == 0, bytes[1] & 0x20 == 0 else {
            throw .unsupportedImage("PNG data is not a zlib stream")
        }
        var reader = BitReader(bytes: bytes, position: 2)
        return try reader.inflate()
    }
}

private struct Huffman {
    var counts = [Int](repeating: 0, count: 16)
    var symbols: [Int] = []

    /// The canonical code of the given code lengths (0: the symbol does not occur).
    init(lengths: [Int]) {
        for length in lengths { counts[length] += 1 }
        counts[0] = 0
        var offsets = [Int](repeating: 0, count: 16)
        for length in 1..<16 { offsets[length] = offsets[length - 1] + counts[length - 1] }
        symbols = [Int](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length > 0 {
            symbols[offsets[length]] = symbol
            offsets[length] += 1
        }
    }

    static let fixedLiterals = Huffman(lengths: Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112)
        + Array(repeating: 7, count: 24) + Array(repeating: 8, count: 8))
    static let fixedDistances = Huffman(lengths: Array(repeating: 5, count: 30))
}

private struct BitReader {
    let bytes: [UInt8]
    var position: Int
    var bitBuffer = 0
    var bitCount = 0

    init(bytes: [UInt8], position: Int) {
        self.bytes = bytes
        self.position = position
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                       1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    mutating func bits(_ count: Int) throws(PDFError) -> Int {
        while bitCount < count {
            guard position < bytes.count else { throw .unsupportedImage("PNG data ends early") }
            bitBuffer |= Int(bytes[position]) << bitCount
            position += 1
            bitCount += 8
        }
        let value = bitBuffer & ((1 << count) - 1)
        bitBuffer >>= count
        bitCount -= count
        return value
    }

    mutating func decode(_ code: Huffman) throws(PDFError) -> Int {
        var value = 0, first = 0, index = 0
        for length in 1..<16 {
            value |= try bits(1)
            let count = code.counts[length]
            if value - first < count { return code.symbols[index + value - first] }
            index += count
            first = (first + count) << 1
            value <<= 1
        }
        throw .unsupportedImage("PNG data has a bad Huffman code")
    }

    mutating func inflate() throws(PDFError) -> [UInt8] {
        var output: [UInt8] = []
        var last = 0
        repeat {
            last = try bits(1)
            switch try bits(2) {
            case 0:
                bitBuffer = 0
                bitCount = 0
                guard position + 4 <= bytes.count else { throw .unsupportedImage("PNG data ends early") }
                let length = Int(bytes[position]) | Int(bytes[position + 1]) << 8
                let complement = Int(bytes[position + 2]) | Int(bytes[position + 3]) << 8
                guard length == ~complement & 0xFFFF, position + 4 + length <= bytes.count else {
                    throw .unsupportedImage("PNG data has a bad stored block")
                }
                output += bytes[position + 4..<position + 4 + length]
                position += 4 + length
            case 1:
                try inflateBlock(literals: .fixedLiterals, distances: .fixedDistances, into: &output)
            case 2:
                let (literals, distances) = try dynamicCodes()
                try inflateBlock(literals: literals, distances: distances, into: &output)
            default:
                throw .unsupportedImage("PNG data has a bad block type")
            }
        } while last == 0
        return output
    }

    private mutating func dynamicCodes() throws(PDFError) -> (Huffman, Huffman) {
        let literalCount = try bits(5) + 257, distanceCount = try bits(5) + 1, codeLengthCount = try bits(4) + 4
        var codeLengths = [Int](repeating: 0, count: 19)
        for index in 0..<codeLengthCount { codeLengths[Self.codeLengthOrder[index]] = try bits(3) }
        let lengthCode = Huffman(lengths: codeLengths)
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(lengthCode)
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw .unsupportedImage("PNG data repeats nothing") }
                lengths += Array(repeating: previous, count: try bits(2) + 3)
            case 17: lengths += Array(repeating: 0, count: try bits(3) + 3)
            default: lengths += Array(repeating: 0, count: try bits(7) + 11)
            }
        }
        guard lengths.count == literalCount + distanceCount else { throw .unsupportedImage("PNG data has too many code lengths") }
        return (Huffman(lengths: Array(lengths[..<literalCount])), Huffman(lengths: Array(lengths[literalCount...])))
    }

    private mutating func inflateBlock(literals: Huffman, distances: Huffman, into output: inout [UInt8]) throws(PDFError) {
        while true {
            let symbol = try decode(literals)
            if symbol < 256 {
                output.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < Self.lengthBase.count else { throw .unsupportedImage("PNG data has a bad length") }
            let length = Self.lengthBase[lengthIndex] + (try bits(Self.lengthExtra[lengthIndex]))
            let distanceIndex = try decode(distances)
            guard distanceIndex < Self.distanceBase.count else { throw .unsupportedImage("PNG data has a bad distance") }
            let distance = Self.distanceBase[distanceIndex] + (try bits(Self.distanceExtra[distanceIndex]))
            guard distance <= output.count else { throw .unsupportedImage("PNG data reaches before its start") }
            let start = output.count - distance
            for offset in 0..<length { output.append(output[start + offset]) }
        }
    }
}
