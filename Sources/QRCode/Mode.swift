/// The ways a segment of text is packed into bits (ISO/IEC 18004, 7.3): numeric (three digits in ten
/// bits), alphanumeric (two of 45 characters in eleven bits) and byte (here the text's UTF-8).
public enum Mode: Sendable, Equatable {
    case numeric, alphanumeric, byte

    /// The 45 characters of alphanumeric mode, in the order of their values (Table 5).
    static let alphanumericCharacters = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    /// The four-bit mode indicator (Table 2).
    var indicator: Int {
        switch self {
        case .numeric: 0b0001
        case .alphanumeric: 0b0010
        case .byte: 0b0100
        }
    }

    /// The length of the character count indicator in a version (Table 3).
    func characterCountBits(version: Int) -> Int {
        let band = version <= 9 ? 0 : version <= 26 ? 1 : 2
        switch self {
        case .numeric: return [10, 12, 14][band]
        case .alphanumeric: return [9, 11, 13][band]
        case .byte: return [8, 16, 16][band]
        }
    }

    /// The most compact mode that holds every byte of `bytes`.
    static func narrowest(for bytes: [UInt8]) -> Mode {
        if bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { return .numeric }
        if bytes.allSatisfy({ alphanumericCharacters.contains($0) }) { return .alphanumeric }
        return .byte
    }
}
