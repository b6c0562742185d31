/// A signed-in account and the token every state-changing form of its session must carry.
public struct StaffSession: Sendable {
    public let account: Account
    public let csrfToken: String

    public init(account: Account, csrfToken: String) {
        self.account = account
        self.csrfToken = csrfToken
    }

    /// Whether a submitted form token is this session's, compared in constant time.
    public func accepts(csrf submitted: String?) -> Bool {
        guard let submitted else { return false }
        let expected = Array(csrfToken.utf8), given = Array(submitted.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
