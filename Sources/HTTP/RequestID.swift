import Synchronization

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

    /// 16 lower-case hex digits, never the same twice in a process: a counter from a random start,
    /// scrambled by a bijection (SplitMix64's finaliser). Ids correlate log lines; they are not
    /// secrets, so no system call for randomness is spent per request.
    public static func generate() -> String {
        var value = start &+ counter.wrappingAdd(1, ordering: .relaxed).newValue &* 0x9E37_79B9_7F4A_7C15
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        value ^= value >> 31
        return String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let digit = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0xF
                buffer[index] = digit < 10 ? 48 + digit : 87 + digit
            }
            return 16
        }
    }

    private static let start = UInt64.random(in: .min ... .max)
    private static let counter = Atomic<UInt64>(0)
}
