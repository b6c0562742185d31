/// How a rate-limited key (a client's address, a contact) is stored: its limit's scope and a SHA-256
/// of it, never the key in clear. Shared by the fixed windows (`SharedRateLimit`) and the token
/// buckets (`RateLimitBuckets`).
enum LimitedKey {
    /// The stored key of the columns `s.scope` and `s.key` of the statement's input.
    static let sql = "s.scope || ':' || encode(sha256(convert_to(s.key, 'UTF8')), 'hex')"
}
