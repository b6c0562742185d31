/// How much of a symbol may be damaged and still read (ISO/IEC 18004, 4.15): about 7 % (L), 15 % (M),
/// 25 % (Q) or 30 % (H) of the codewords.
public enum ErrorCorrectionLevel: Int, Sendable, CaseIterable, Comparable {
    case l, m, q, h

    /// The two bits the format information carries for this level (Table 12): L 01, M 00, Q 11, H 10.
    var formatBits: Int {
        switch self {
        case .l: 0b01
        case .m: 0b00
        case .q: 0b11
        case .h: 0b10
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
