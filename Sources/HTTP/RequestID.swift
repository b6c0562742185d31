/// Request ids: kept from the client when sane (so a chain of services logs one id), made up otherwise.
public enum RequestID {
    /// Returns `candidate` when it is 1–128 characters of `[A-Za-z0-9._-]`, else a fresh id.
    public static func accept(_ candidate: String?) -> String {
        if let candidate, !candidate.isEmpty, candidate.utf8.count <= 128,
           candidate.utf8.allSatisfy({ byte in
               (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
                   || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
           }) {
            return candidate
        }
        return generate()
    }

    /// 16 random hex digits.
    public static func generate() -> String {
        let value = UInt64.random(in: .min ... .max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
