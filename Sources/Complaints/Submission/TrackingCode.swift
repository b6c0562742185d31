/// The citizen's only handle on a case: 13 symbols of Crockford's base32 (65 bits of randomness),
/// no ambiguous letters (I, L, O, U), read case-insensitively and forgiving of the usual slips.
public struct TrackingCode: Hashable, Sendable, CustomStringConvertible {
    /// The canonical form: 13 upper-case symbols, no separators.
    public let value: String

    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    public static let length = 13

    /// Draws a new code from the system's cryptographic random source.
    public static func generate() -> TrackingCode {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// Draws a new code from `generator` (tests pass a seeded one).
    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> TrackingCode {
        let symbols = (0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt32(32)))] }
        return TrackingCode(value: String(symbols))
    }

    private init(value: String) { self.value = value }

    /// Reads what a citizen typed: any case, with spaces or dashes, `I`/`L` as 1 and `O` as 0.
    /// - Returns: nil when the text cannot be a tracking code.
    public init?(parsing text: String) {
        var symbols: [Character] = []
        for character in text.uppercased() {
            switch character {
            case "-", " ": continue
            case "I", "L": symbols.append("1")
            case "O": symbols.append("0")
            default:
                guard Self.alphabet.contains(character) else { return nil }
                symbols.append(character)
            }
            if symbols.count > Self.length { return nil }
        }
        guard symbols.count == Self.length else { return nil }
        value = String(symbols)
    }

    /// Grouped for reading aloud or copying by hand: `ABCD-EFGH-JKMNP`.
    public var grouped: String {
        let characters = Array(value)
        return String(characters[0..<4]) + "-" + String(characters[4..<8]) + "-" + String(characters[8...])
    }

    public var description: String { value }
}
