import Foundation

/// WinAnsiEncoding (ISO 32000-1, Annex D), the single-byte encoding the standard fonts are written in:
/// Latin-1 with the typographic marks of Windows-1252 in 128-159. Indonesian, and most Western
/// European languages, fit; any other character is drawn as a visible "?" instead.
public enum WinAnsi {
    /// What a character outside WinAnsi is drawn as.
    public static let replacement: UInt8 = UInt8(ascii: "?")

    /// Unicode scalars of Windows-1252's codes 128-159 (the five codes it leaves out are absent).
    private static let upper: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// The code of one character, or nil when WinAnsi has none for it. A tab or a line break is a space.
    public static func code(for character: Character) -> UInt8? {
        if character.isNewline { return 0x20 }
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return nil }
        switch scalar.value {
        case 0x09: return 0x20
        case 0x20...0x7E, 0xA0...0xFF: return UInt8(scalar.value)
        default: return upper[scalar.value]
        }
    }

    /// The codes of `text`, one per character (accents written as combining marks composed first);
    /// every character without a code becomes `replacement`.
    public static func encode(_ text: String) -> [UInt8] {
        text.precomposedStringWithCanonicalMapping.map { code(for: $0) ?? replacement }
    }

    /// Whether every character of `text` has a code, so that nothing would be replaced.
    public static func canEncode(_ text: String) -> Bool {
        text.precomposedStringWithCanonicalMapping.allSatisfy { code(for: $0) != nil }
    }
}

extension WinAnsi {
    /// The character a code stands for.
    static func character(for code: UInt8) -> String {
        if let scalar = upper.first(where: { $0.value == code })?.key, let character = UnicodeScalar(scalar) {
            return String(Character(character))
        }
        return String(Character(UnicodeScalar(code)))
    }
}
