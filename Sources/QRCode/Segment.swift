/// A run of text in one mode, as bits ready to follow the mode indicator and character count.
struct Segment {
    let mode: Mode
    /// Characters for numeric and alphanumeric mode, bytes for byte mode: what the count indicator counts.
    let characterCount: Int
    let data: BitBuffer

    /// Packs `text` (its UTF-8 bytes) in `mode`.
    /// - Throws: `QRCodeError.notEncodable` when the mode cannot hold a character of the text.
    init(_ text: String, mode: Mode) throws(QRCodeError) {
        let bytes = Array(text.utf8)
        var data = BitBuffer()
        switch mode {
        case .numeric:
            guard Mode.narrowest(for: bytes) == .numeric else { throw .notEncodable(mode) }
            for start in stride(from: 0, to: bytes.count, by: 3) {
                let group = bytes[start..<min(start + 3, bytes.count)]
                let value = group.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
                data.append(value, length: group.count * 3 + 1)
            }
        case .alphanumeric:
            guard Mode.narrowest(for: bytes) != .byte else { throw .notEncodable(mode) }
            let values = bytes.map { byte in Mode.alphanumericCharacters.firstIndex(of: byte)! }
            for start in stride(from: 0, to: values.count, by: 2) {
                if start + 1 < values.count {
                    data.append(values[start] * 45 + values[start + 1], length: 11)
                } else {
                    data.append(values[start], length: 6)
                }
            }
        case .byte:
            for byte in bytes { data.append(Int(byte), length: 8) }
        }
        self.mode = mode
        self.characterCount = bytes.count
        self.data = data
    }

    /// The bits this segment takes in a symbol of `version`: mode indicator, count and data; nil when
    /// the count does not fit its indicator there.
    func bitLength(version: Int) -> Int? {
        let countBits = mode.characterCountBits(version: version)
        guard characterCount < 1 << countBits else { return nil }
        return 4 + countBits + data.count
    }
}
