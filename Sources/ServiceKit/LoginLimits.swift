/// How many failed logins the staff login allows before it answers 429.
public struct LoginLimits: Sendable, Equatable {
    /// `HUB_LOGIN_MAX_FAILURES`: per account name (5).
    public let failuresPerAccount: Int
    /// `HUB_LOGIN_MAX_FAILURES_PER_ADDRESS`: per client address (20).
    public let failuresPerAddress: Int
    /// `HUB_LOGIN_WINDOW_SECONDS`: the window those failures are counted in (900).
    public let windowSeconds: Int

    init(_ reader: inout ConfigurationReader) {
        failuresPerAccount = reader.integer("HUB_LOGIN_MAX_FAILURES", default: 5, in: 1...1000)
        failuresPerAddress = reader.integer("HUB_LOGIN_MAX_FAILURES_PER_ADDRESS", default: 20, in: 1...100_000)
        windowSeconds = reader.integer("HUB_LOGIN_WINDOW_SECONDS", default: 900, in: 1...86_400)
    }
}
