/// Comparisons of secrets (tokens, API keys) whose time does not depend on where they differ.
public enum ConstantTime {
    /// Whether two strings have the same bytes; only their lengths show in the time it takes.
    public static func equals(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8), b = Array(right.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in 0..<a.count { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    /// Whether `candidate` is one of `secrets`, comparing against every one of them.
    public static func isOne(of secrets: some Sequence<String>, _ candidate: String) -> Bool {
        var found = false
        for secret in secrets where equals(secret, candidate) { found = true }
        return found
    }
}
