/// The hidden one-time token each rendered form carries, so a double submit can be recognised.
public enum FormToken {
    /// 128 random bits as 32 hex digits.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
