import Complaints
import Postgres

/// Cutting accounts off and letting them back in, the same for `hubctl` and for admins and
/// inspectors on the accounts page and API: disabling, enabling, a new password, ending sessions.
/// Each is checked against `AccountManager` (admins never manage inspectors), written to the audit
/// log with who did it and from which client address, and ends every live session of the account when it disables it or resets
/// its password. Call each inside a transaction.
extension AccountStore {
    /// What a change came to: the account as it now is, and how many of its live sessions it ended.
    public struct Change: Sendable {
        public let account: Account
        public let sessionsEnded: Int
    }

    /// Every account, disabled ones included, ordered by login without regard to case; only those
    /// of `roles` when given.
    public static func list(roles: [Role]? = nil, on connection: PostgresConnection) throws -> [Account] {
        try connection.query("""
            select \(Account.columns) from staff_accounts
             where $1::text[] is null or role = any($1::text[]) order by lower(login)
            """, [roles?.map(\.rawValue)]).map(Account.init)
    }

    /// The number of live sessions of each account that has any.
    public static func liveSessionCounts(on connection: PostgresConnection) throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for row in try connection.query("""
            select account_id, count(*)::int as n from staff_sessions
             where revoked_at is null and expires_at > now() group by account_id
            """) {
            counts[try row.decode("account_id")] = try row.decode("n")
        }
        return counts
    }

    /// Disables or enables an account. Disabling ends every live session of it at once (and they
    /// stay ended when it is enabled again).
    /// - Throws: `AccountError.notFound`, `.roleNotManaged`, `.ownAccount` (disabling oneself).
    @discardableResult
    public static func setActive(_ active: Bool, login: String, by acting: Acting<AccountManager>,
                                 on connection: PostgresConnection) throws -> Change {
        let account = try managed(login, by: acting.who, on: connection)
        if !active && acting.who.accountID == account.id { throw AccountError.ownAccount }
        let changed = try Account(row: connection.query("""
            update staff_accounts set active = $2 where id = $1 returning \(Account.columns)
            """, [account.id, active])[0])
        let ended = active ? 0 : try endSessions(of: account, on: connection)
        try AuditLog.record(active ? "enable_account" : "disable_account", by: acting,
                            before: ["account_id": account.id, "login": account.login, "active": account.active],
                            after: ["account_id": account.id, "login": account.login, "active": active, "sessions_ended": ended],
                            on: connection)
        return Change(account: changed, sessionsEnded: ended)
    }

    /// Gives an account a new password and ends every live session of it.
    /// - Throws: `AccountError.notFound`, `.roleNotManaged`, `.invalidPassword`.
    @discardableResult
    public static func resetPassword(login: String, to password: String, by acting: Acting<AccountManager>,
                                     hasher: PasswordHasher = .system, on connection: PostgresConnection) throws -> Change {
        let account = try managed(login, by: acting.who, on: connection)
        try checkPassword(password)
        try connection.query("update staff_accounts set password_hash = $2 where id = $1", [account.id, try hasher.hash(password)])
        let ended = try endSessions(of: account, on: connection)
        try AuditLog.record("reset_password", by: acting,
                            after: ["account_id": account.id, "login": account.login, "sessions_ended": ended], on: connection)
        return Change(account: account, sessionsEnded: ended)
    }

    /// Ends every live session of an account (it can log in again).
    /// - Throws: `AccountError.notFound`, `.roleNotManaged`.
    @discardableResult
    public static func revokeSessions(login: String, by acting: Acting<AccountManager>, on connection: PostgresConnection) throws -> Change {
        let account = try managed(login, by: acting.who, on: connection)
        let ended = try endSessions(of: account, on: connection)
        try AuditLog.record("revoke_sessions", by: acting,
                            after: ["account_id": account.id, "login": account.login, "sessions_ended": ended], on: connection)
        return Change(account: account, sessionsEnded: ended)
    }

    /// The account with this login (any case, active or not), locked for the change.
    private static func managed(_ login: String, by manager: AccountManager, on connection: PostgresConnection) throws -> Account {
        guard let row = try connection.query("""
            select \(Account.columns) from staff_accounts where lower(login) = lower($1) for update
            """, [login]).first else { throw AccountError.notFound(login) }
        let account = try Account(row: row)
        guard manager.manages(account.role) else { throw AccountError.roleNotManaged(account.role) }
        return account
    }

    private static func endSessions(of account: Account, on connection: PostgresConnection) throws -> Int {
        try connection.query("""
            update staff_sessions set revoked_at = now()
             where account_id = $1 and revoked_at is null and expires_at > now() returning 1
            """, [account.id]).count
    }
}
