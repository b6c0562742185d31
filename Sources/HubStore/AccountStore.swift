import Complaints
import Foundation
import Postgres

/// Accounts and their sessions. Passwords are hashed and checked here, in the service
/// (`PasswordHasher`): only their hashes are sent to PostgreSQL.
public enum AccountStore {
    /// Why an account could not be created or changed.
    public enum AccountError: Error, CustomStringConvertible, Equatable {
        case loginTaken(String)
        case invalid(String)
        /// The password is too short, too long or holds a NUL byte.
        case invalidPassword(String)
        case notFound(String)
        /// The manager does not manage accounts of this role (see `AccountManager`).
        case roleNotManaged(Role)
        /// An account may not disable itself.
        case ownAccount

        public var description: String {
            switch self {
            case .loginTaken(let login): return "login \(login) already exists"
            case .invalid(let why), .invalidPassword(let why): return why
            case .notFound(let login): return "no account has the login \(login)"
            case .roleNotManaged(.inspector):
                return "inspector accounts are created and managed only by inspectors or the operator (hubctl)"
            case .roleNotManaged(let role): return "your role does not create or manage \(role.rawValue) accounts"
            case .ownAccount: return "an account cannot disable itself; ask another administrator or the operator"
            }
        }
    }

    /// The password rule: 8 characters or more, at most 512 bytes (libxcrypt's limit), no NUL byte.
    /// - Throws: `AccountError.invalidPassword`.
    static func checkPassword(_ password: String) throws {
        guard password.count >= 8 else { throw AccountError.invalidPassword("password must have at least 8 characters") }
        guard password.utf8.count <= 512, !password.utf8.contains(0) else {
            throw AccountError.invalidPassword("password must have at most 512 bytes and no NUL character")
        }
    }

    /// Creates an account.
    /// - Parameters:
    ///   - subUnit: a sub-unit of an agency the module works for (staff, supervisors, validators).
    ///   - manager: who creates it; an admin cannot create an inspector (see `AccountManager`).
    /// - Throws: `AccountError.roleNotManaged`, `.invalidPassword` (short password), `.loginTaken`,
    ///   `.invalid` (bad login, staff without module, a sub-unit outside the module).
    @discardableResult
    public static func create(login: String, password: String, role: Role, module: ModuleName?, categories: [String] = [],
                              area: String? = nil, subUnit: String? = nil, region: String? = nil, by manager: AccountManager = .operator,
                              hasher: PasswordHasher = .system, on connection: PostgresConnection) throws -> Account {
        guard manager.manages(role) else { throw AccountError.roleNotManaged(role) }
        try checkPassword(password)
        if role == .staff && module == nil { throw AccountError.invalid("staff accounts need --module") }
        try checkRegion(region, for: role, on: connection)
        if let subUnit {
            guard let module, [.staff, .supervisor, .validator].contains(role), try !connection.query("""
                select 1 from sub_units s join category_routes r on r.agency_code = s.agency_code
                 where s.code = $1 and s.active and r.module_code = $2
                """, [subUnit, module.rawValue]).isEmpty else {
                throw AccountError.invalid("sub-unit \(subUnit) is not one of the module's sub-units")
            }
        }
        let hash = try hasher.hash(password)
        do {
            return try Account(row: connection.query("""
                insert into staff_accounts (login, password_hash, role, module_code, categories, area, sub_unit_code, region_code)
                values ($1, $2, $3, $4, $5::text[], $6, $7, $8)
                returning \(Account.columns)
                """, [login, hash, role.rawValue, module?.rawValue, categories, area, subUnit, region])[0])
        } catch let error as PostgresError where error.kind == .uniqueViolation {
            throw AccountError.loginTaken(login)
        } catch let error as PostgresError where error.kind == .checkViolation || error.kind == .foreignKeyViolation {
            throw AccountError.invalid(error.constraintName == "staff_accounts_login_check"
                ? "login must be 3 to 64 letters, digits or . _ @ -" : "unknown module or category")
        }
    }

    /// A letter role is bound to one region of its level (a desa/kelurahan for the village roles, a
    /// kecamatan for the district roles) that the hub knows; the other roles to none.
    /// - Throws: `AccountError.invalid`.
    static func checkRegion(_ region: String?, for role: Role, on connection: PostgresConnection) throws {
        guard let position = LetterPosition(role: role) else {
            if region != nil { throw AccountError.invalid("only the letter roles are bound to a village or district") }
            return
        }
        let level = position.inVillage ? "--village with a desa/kelurahan code" : "--district with a kecamatan code"
        guard let region, let code = RegionCode(region), code.isVillage == position.inVillage,
              try !connection.query("select 1 from regions where code = $1", [code.value]).isEmpty else {
            throw AccountError.invalid("\(role.rawValue) accounts need \(level) the hub knows (hubctl areas import)")
        }
    }

    /// Every active account, by login; only those of `module` when given.
    public static func all(module: ModuleName? = nil, on connection: PostgresConnection) throws -> [Account] {
        try connection.query("""
            select \(Account.columns) from staff_accounts
             where active and ($1::text is null or module_code = $1) order by lower(login)
            """, [module?.rawValue]).map(Account.init)
    }

    /// An account by id, or nil; inactive ones only when asked for.
    public static func find(id: Int64, includingInactive: Bool = false, on connection: PostgresConnection) throws -> Account? {
        try connection.query("select \(Account.columns) from staff_accounts where id = $1 and (active or $2)", [id, includingInactive])
            .first.map(Account.init)
    }

    /// An active account by login (any case), or nil.
    public static func find(login: String, on connection: PostgresConnection) throws -> Account? {
        try connection.query("select \(Account.columns) from staff_accounts where lower(login) = lower($1) and active", [login])
            .first.map(Account.init)
    }

    /// What a login attempt came to.
    public enum LoginOutcome: Sendable {
        /// The account, its new session token (shown once; only its hash is stored) and when it expires.
        case success(Account, token: String, expires: Date)
        case invalid
        /// Too many recent failures for this name or address; try again after this many seconds.
        case throttled(retryAfter: Int)
    }

    /// Checks a login and password, unless throttled; on success opens a session. Call inside a
    /// transaction, which must commit also when the outcome is a failure (it is recorded).
    ///
    /// The password is checked in the service against the stored hash; when no account has the
    /// login it is checked against a dummy hash, so an unknown login costs what a wrong password
    /// does. A disabled account is refused like a wrong password (after the same check), so that
    /// a guesser learns nothing about which accounts exist or are disabled. A right password
    /// whose hash is of an older scheme (pgcrypto's bcrypt) is rehashed in the current one.
    /// - Parameter address: the client's address, for throttling per address.
    public static func logIn(login: String, password: String, address: String, throttle: LoginThrottle = LoginThrottle(),
                             sessionHours: Int = 12, hasher: PasswordHasher = .system,
                             on connection: PostgresConnection) throws -> LoginOutcome {
        if let wait = try throttle.wait(login: login, address: address, on: connection) { return .throttled(retryAfter: wait) }
        let row = try connection.query("""
            select \(Account.columns), password_hash from staff_accounts where lower(login) = lower($1)
            """, [login]).first
        let stored: String? = try row?.decode("password_hash")
        let matches = hasher.verify(password, stored ?? hasher.dummyHash())
        guard let row, let stored, matches, try row.decode("active", as: Bool.self) else {
            try throttle.recordFailure(login: login, address: address, on: connection)
            return .invalid
        }
        let account = try Account(row: row)
        if !hasher.isCurrent(stored), let rehashed = try? hasher.hash(password) {
            try connection.query("update staff_accounts set password_hash = $2 where id = $1", [account.id, rehashed])
        }
        try throttle.recordSuccess(login: login, accountID: account.id, address: address, on: connection)
        let token = SessionToken.generate()
        let expires = try connection.query("""
            insert into staff_sessions (token_hash, account_id, expires_at)
            values (digest($1, 'sha256'), $2, now() + make_interval(hours => $3))
            returning expires_at
            """, [token, account.id, sessionHours])[0].decode("expires_at", as: Date.self)
        return .success(account, token: token, expires: expires)
    }

    /// The account behind a live session token, or nil.
    public static func account(forToken token: String, on connection: PostgresConnection) throws -> Account? {
        try session(forToken: token, on: connection)?.account
    }

    /// The live session behind a token: its account and the token its forms must carry, or nil.
    public static func session(forToken token: String, on connection: PostgresConnection) throws -> StaffSession? {
        guard SessionToken.isWellFormed(token) else { return nil }
        guard let row = try connection.query("""
            select \(Account.columns), s.csrf_token
              from staff_sessions s
              join staff_accounts a on a.id = s.account_id
             where s.token_hash = digest($1, 'sha256') and s.expires_at > now() and s.revoked_at is null and a.active
            """, [token]).first else { return nil }
        return StaffSession(account: try Account(row: row), csrfToken: try row.decode("csrf_token"))
    }

    /// Ends a session.
    public static func revoke(token: String, on connection: PostgresConnection) throws {
        try connection.query("update staff_sessions set revoked_at = now() where token_hash = digest($1, 'sha256')", [token])
    }
}

/// Session tokens: 32 random bytes, hex encoded.
enum SessionToken {
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 64 && token.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}

extension String {
    var jsonStringArray: [String] {
        JSONText.decode([String].self, from: self) ?? []
    }
}
