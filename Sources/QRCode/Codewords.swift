/// The codeword sequence of a symbol (ISO/IEC 18004, 7.4.9 to 7.6): the data bits ended by a
/// terminator and padded, cut into blocks, each block given its error correction, and the blocks
/// interleaved.
enum Codewords {
    /// The data codewords of `segment` for a symbol of `version` and `level`: mode indicator, count,
    /// data, up to four terminator zeros, zeros to a byte boundary, then 0xEC 0x11 alternately.
    static func data(_ segment: Segment, version: SymbolVersion, level: ErrorCorrectionLevel) -> [UInt8] {
        let capacity = version.dataCodewords(level) * 8
        var bits = BitBuffer()
        bits.append(segment.mode.indicator, length: 4)
        bits.append(segment.characterCount, length: segment.mode.characterCountBits(version: version.number))
        bits.append(contentsOf: segment.data)
        precondition(bits.count <= capacity, "the version was chosen too small")
        bits.append(0, length: min(4, capacity - bits.count))
        bits.append(0, length: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < capacity / 8 {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// The final sequence: data codewords split into blocks (the shorter blocks first, as Table 9
    /// lists them), each followed by its error correction, then read column by column across blocks.
    static func interleaved(_ data: [UInt8], version: SymbolVersion, level: ErrorCorrectionLevel) -> [UInt8] {
        let blocks = version.blockCount(level)
        let correction = version.errorCorrectionPerBlock(level)
        let longBlocks = version.totalCodewords % blocks
        let shortLength = version.totalCodewords / blocks - correction
        let encoder = ReedSolomon(degree: correction)

        var dataBlocks: [ArraySlice<UInt8>] = []
        var start = 0
        for index in 0..<blocks {
            let length = shortLength + (index >= blocks - longBlocks ? 1 : 0)
            dataBlocks.append(data[start..<start + length])
            start += length
        }
        precondition(start == data.count)
        let correctionBlocks = dataBlocks.map { encoder.remainder(of: Array($0)) }

        var result: [UInt8] = []
        result.reserveCapacity(version.totalCodewords)
        for column in 0...shortLength {
            for block in dataBlocks where column < block.count {
                result.append(block[block.startIndex + column])
            }
        }
        for column in 0..<correction {
            for block in correctionBlocks { result.append(block[column]) }
        }
        return result
    }
}
