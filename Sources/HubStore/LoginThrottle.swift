import Foundation
import Postgres

/// Slows password guessing: after too many failed logins within a window, an account name (from
/// anywhere) or a client address (for any account) is refused without the password being checked,
/// until the oldest failure in the window has aged out. From an address the account logged in from
/// successfully within `knownFor`, only that address's failures count against the name, so guessing
/// from elsewhere cannot lock staff out of their own office. Failures live in the database, so every
/// replica of every service counts the same attempts.
public struct LoginThrottle: Sendable {
    public var failuresPerAccount: Int
    public var failuresPerAddress: Int
    public var window: TimeInterval
    public var knownFor: TimeInterval

    public init(failuresPerAccount: Int = 5, failuresPerAddress: Int = 20, window: TimeInterval = 15 * 60,
                knownFor: TimeInterval = 90 * 86_400) {
        self.failuresPerAccount = failuresPerAccount
        self.failuresPerAddress = failuresPerAddress
        self.window = window
        self.knownFor = knownFor
    }

    /// Seconds until another attempt for `login` from `address` is allowed, or nil when it is allowed now.
    /// Call inside the login's transaction: it serialises attempts on the same account name.
    func wait(login: String, address: String, on connection: PostgresConnection) throws -> Int? {
        try connection.query("select pg_advisory_xact_lock(hashtext('login:' || lower($1)))", [login])
        let row = try connection.query("""
            with known as (
                select exists (select 1 from login_known_addresses k join staff_accounts a on a.id = k.account_id
                                where lower(a.login) = lower($1) and k.address = $2
                                  and k.last_success > now() - make_interval(secs => $4)) as here
            ), recent as (
                select lower(login) = lower($1) and (address = $2 or not (select here from known)) as same_login,
                       address = $2 as same_address, at
                  from login_failures
                 where (lower(login) = lower($1) or address = $2) and at > now() - make_interval(secs => $3)
            )
            select (select count(*) from recent where same_login)::int as by_login,
                   (select count(*) from recent where same_address)::int as by_address,
                   ceil(extract(epoch from (select min(at) from recent where same_login)
                        + make_interval(secs => $3) - now()))::int as login_wait,
                   ceil(extract(epoch from (select min(at) from recent where same_address)
                        + make_interval(secs => $3) - now()))::int as address_wait
            """, [login, address, window, knownFor])[0]
        var waits: [Int] = []
        if try row.decode("by_login", as: Int.self) >= failuresPerAccount { waits.append(try row.decode("login_wait", as: Int?.self) ?? 1) }
        if try row.decode("by_address", as: Int.self) >= failuresPerAddress { waits.append(try row.decode("address_wait", as: Int?.self) ?? 1) }
        return waits.max().map { max(1, $0) }
    }

    /// Records a failed attempt (and forgets failures older than a day for the same name).
    func recordFailure(login: String, address: String, on connection: PostgresConnection) throws {
        try connection.query("insert into login_failures (login, address) values ($1, $2)", [login, address])
        try connection.query("delete from login_failures where lower(login) = lower($1) and at < now() - interval '1 day'", [login])
    }

    /// A successful login clears the account's failures from this address (those from elsewhere
    /// keep counting, so a guesser gains nothing from the owner logging in) and makes the address
    /// known for the account.
    func recordSuccess(login: String, accountID: Int64, address: String, on connection: PostgresConnection) throws {
        try connection.query("delete from login_failures where lower(login) = lower($1) and address = $2", [login, address])
        try connection.query("""
            insert into login_known_addresses (account_id, address) values ($1, $2)
            on conflict (account_id, address) do update set last_success = now()
            """, [accountID, address])
        try connection.query("""
            delete from login_known_addresses where account_id = $1 and last_success < now() - make_interval(secs => $2)
            """, [accountID, knownFor])
    }
}
