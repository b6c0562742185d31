/// Fixed-width integers read from and written to image bytes. Offsets are relative to the
/// collection's start, so a slice of a larger buffer reads like an array of its own; callers check
/// the bounds first.
extension RandomAccessCollection where Element == UInt8, Index == Int {
    func bigEndian16(at offset: Int) -> Int {
        Int(self[startIndex + offset]) << 8 | Int(self[startIndex + offset + 1])
    }

    func bigEndian32(at offset: Int) -> Int {
        bigEndian16(at: offset) << 16 | bigEndian16(at: offset + 2)
    }

    func littleEndian16(at offset: Int) -> Int {
        Int(self[startIndex + offset]) | Int(self[startIndex + offset + 1]) << 8
    }

    func littleEndian24(at offset: Int) -> Int {
        littleEndian16(at: offset) | Int(self[startIndex + offset + 2]) << 16
    }

    func littleEndian32(at offset: Int) -> Int {
        littleEndian16(at: offset) | littleEndian16(at: offset + 2) << 16
    }

    /// Whether the bytes at `offset` are `text`'s ASCII bytes.
    func hasASCII(_ text: String, at offset: Int) -> Bool {
        let expected = Array(text.utf8)
        return offset >= 0 && count - offset >= expected.count
            && self[(startIndex + offset)..<(startIndex + offset + expected.count)].elementsEqual(expected)
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian32(_ value: Int) {
        append(contentsOf: [UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16),
                            UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)])
    }

    mutating func appendLittleEndian32(_ value: Int) {
        append(contentsOf: [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8),
                            UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 24)])
    }
}
