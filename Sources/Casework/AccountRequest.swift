import Complaints
import HTTP
import HubStore
import Postgres

/// Creating accounts from the admin page's form or the JSON API: the same fields as
/// `hubctl user add` (login, password, role, module, categories, area, sub_unit).
enum AccountRequest {
    /// - Parameter fields: text fields; `categories` is a comma-separated list.
    /// - Throws: `HTTPError` 400 for invalid fields, 409 when the login exists.
    static func create(_ fields: [String: String], on connection: PostgresConnection) throws -> Account {
        func field(_ name: String) -> String? {
            guard let value = fields[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        guard let login = field("login"), let password = fields["password"], !password.isEmpty else {
            throw HTTPError(400, "invalid_request", "login and password are required")
        }
        guard let roleText = field("role"), let role = Role(rawValue: roleText) else {
            throw HTTPError(400, "invalid_role", "role must be one of admin, staff, supervisor, validator, inspector")
        }
        var module: ModuleName?
        if let text = field("module") {
            guard let parsed = ModuleName(rawValue: text) else { throw HTTPError(400, "invalid_module", "unknown module \(text)") }
            module = parsed
        }
        let categories = (field("categories") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let known = Set(try CategoryStore.all(connection).map(\.code))
        if let unknown = categories.first(where: { !known.contains($0) }) {
            throw HTTPError(400, "unknown_category", "unknown category \(unknown)")
        }
        do {
            return try AccountStore.create(login: login, password: password, role: role, module: module,
                                           categories: categories, area: field("area"), subUnit: field("sub_unit"),
                                           on: connection)
        } catch AccountStore.AccountError.loginTaken(let taken) {
            throw HTTPError(409, "login_taken", "login \(taken) already exists")
        } catch AccountStore.AccountError.invalid(let why) {
            throw HTTPError(400, "invalid_account", why)
        }
    }

    /// Writes the creation to the audit log (never the password).
    static func audit(_ account: Account, by admin: Account, on connection: PostgresConnection) throws {
        try AuditLog.record("create_account", by: admin.actor, after: [
            "account_id": account.id, "login": account.login, "role": account.role.rawValue,
            "module": orNull(account.module?.rawValue), "categories": account.categories, "area": orNull(account.area),
            "sub_unit": orNull(account.subUnit),
        ], on: connection)
    }

    static func json(_ account: Account) -> [String: Any] {
        ["login": account.login, "role": account.role.rawValue, "module": orNull(account.module?.rawValue),
         "categories": account.categories, "area": orNull(account.area), "sub_unit": orNull(account.subUnit)]
    }
}
