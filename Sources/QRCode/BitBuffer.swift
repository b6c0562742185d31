/// Bits appended most significant first, as the data stream of a symbol is built (ISO/IEC 18004, 7.4).
struct BitBuffer {
    private(set) var bits: [Bool] = []

    var count: Int { bits.count }

    /// Appends the lowest `length` bits of `value`, its most significant bit first.
    mutating func append(_ value: Int, length: Int) {
        precondition(length >= 0 && length <= 31 && value >> length == 0, "value does not fit its length")
        for shift in stride(from: length - 1, through: 0, by: -1) {
            bits.append((value >> shift) & 1 == 1)
        }
    }

    mutating func append(contentsOf other: BitBuffer) { bits += other.bits }

    /// The bits as bytes, most significant bit first; the count must be a multiple of eight.
    var bytes: [UInt8] {
        precondition(count % 8 == 0)
        return stride(from: 0, to: count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
    }
}
