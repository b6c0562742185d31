import Complaints
import HTTP
import HubStore
import Postgres

/// Creating and managing accounts from the accounts page's forms or the JSON API: the same fields
/// as `hubctl user add` (login, password, role, module, categories, area, sub_unit), and the same
/// changes as `hubctl user disable|enable|reset-password|revoke-sessions`.
enum AccountRequest {
    /// - Parameters:
    ///   - fields: text fields; `categories` is a comma-separated list.
    ///   - manager: who creates it; admins create every role but inspector, inspectors inspectors only.
    /// - Throws: `Refusal` 400 for invalid fields, 403 `forbidden_role` for a role the manager does
    ///   not create, 409 when the login exists.
    static func create(_ fields: [String: String], by manager: AccountManager, on connection: PostgresConnection) throws -> Account {
        func field(_ name: String) -> String? {
            guard let value = fields[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        guard let login = field("login"), let password = fields["password"], !password.isEmpty else {
            throw Refusal.loginAndPasswordRequired
        }
        guard let roleText = field("role"), let role = Role(rawValue: roleText) else {
            throw Refusal.invalidRole
        }
        guard manager.manages(role) else { throw refusal(.roleNotManaged(role), creating: true) }
        var module: ModuleName?
        if let text = field("module") {
            guard let parsed = ModuleName(rawValue: text) else { throw Refusal.unknownModule }
            module = parsed
        }
        let categories = (field("categories") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let known = Set(try CategoryStore.all(connection).map(\.code))
        if categories.contains(where: { !known.contains($0) }) {
            throw Refusal.unknownAccountCategory
        }
        do {
            return try AccountStore.create(login: login, password: password, role: role, module: module,
                                           categories: categories, area: field("area"), subUnit: field("sub_unit"),
                                           by: manager, on: connection)
        } catch let error as AccountStore.AccountError {
            throw refusal(error, creating: true)
        }
    }

    /// A change to an existing account.
    enum Change {
        case setActive(Bool)
        case password(String)
        case revokeSessions
    }

    /// Applies a change, audited with the manager and the address they acted from. Call inside a transaction.
    /// - Throws: `Refusal` 404 `account_not_found`, 403 `forbidden_role`, 409 `own_account`,
    ///   400 `invalid_password`.
    static func apply(_ change: Change, to login: String, by acting: Acting<AccountManager>,
                      on connection: PostgresConnection) throws -> AccountStore.Change {
        do {
            switch change {
            case .setActive(let active): return try AccountStore.setActive(active, login: login, by: acting, on: connection)
            case .password(let password):
                return try AccountStore.resetPassword(login: login, to: password, by: acting, on: connection)
            case .revokeSessions: return try AccountStore.revokeSessions(login: login, by: acting, on: connection)
            }
        } catch let error as AccountStore.AccountError {
            throw refusal(error, creating: false)
        }
    }

    /// The refusal a refused account change stands for; a short password is `invalid_account` when
    /// creating (as before) and `invalid_password` when resetting.
    static func refusal(_ error: AccountStore.AccountError, creating: Bool) -> Refusal {
        switch error {
        case .loginTaken: return .loginTaken
        case .invalid(let why): return .invalidAccount(why)
        case .invalidPassword(let why): return creating ? .invalidAccount(why) : .invalidPassword
        case .notFound: return .accountNotFound
        case .roleNotManaged: return .forbiddenRole
        case .ownAccount: return .ownAccount
        }
    }

    /// Writes the creation to the audit log (never the password), with the creator and their address.
    static func audit(_ account: Account, by acting: Acting<AccountManager>, on connection: PostgresConnection) throws {
        try AuditLog.record("create_account", by: acting, after: [
            "account_id": account.id, "login": account.login, "role": account.role.rawValue,
            "module": orNull(account.module?.rawValue), "categories": account.categories, "area": orNull(account.area),
            "sub_unit": orNull(account.subUnit),
        ], on: connection)
    }

    /// The account as `GET /api/v1/staff/me` shows it.
    static func json(_ account: Account) -> JSONValue {
        ["login": .string(account.login), "role": .string(account.role.rawValue), "module": JSONValue(account.module?.rawValue),
         "categories": account.categories.json, "area": JSONValue(account.area), "sub_unit": JSONValue(account.subUnit)]
    }

    /// The account as the accounts list and its changes show it: with whether it is active.
    static func managedJSON(_ account: Account) -> JSONValue {
        guard case .object(var members) = json(account) else { return json(account) }
        members["active"] = .bool(account.active)
        return .object(members)
    }

    /// The answer to a password reset or the end of an account's sessions.
    static func json(_ change: AccountStore.Change) -> JSONValue {
        ["login": .string(change.account.login), "sessions_ended": .integer(change.sessionsEnded)]
    }

    /// `POST /api/v1/staff/accounts`'s body as the text fields `create` reads, as the page's form sends them.
    /// - Throws: `Refusal` 400 `invalid_request` for a field that is not text (`categories`: a list of codes).
    static func fields(json body: JSONObjectReader) throws -> [String: String] {
        var fields: [String: String] = [:]
        for key in ["login", "password", "role", "module", "area", "sub_unit"] {
            guard let value = body.members[key], !value.isNull else { continue }
            guard let text = value.text else { throw Refusal.accountFieldNotText(key) }
            fields[key] = text
        }
        if let value = body.members["categories"], !value.isNull {
            let list = value.texts
            guard let list else { throw Refusal.categoriesNotList }
            fields["categories"] = list.joined(separator: ",")
        }
        return fields
    }
}
