import Complaints

/// `GET /staff/accounts` (admins, and inspectors for inspector accounts): the accounts, with
/// buttons to disable or enable each, give it a new password or end its sessions where the signed-in
/// account manages it, and a form to create one of the roles it manages.
public enum StaffAccountsPage {
    /// - Parameters:
    ///   - subUnits: the sub-units an account may be bound to.
    ///   - values: what was typed in the form when creating failed (kept, except the password).
    public static func render(session: StaffSession, accounts: [Account], subUnits: [SubUnit] = [], language: Language,
                              notice: String? = nil, error: String? = nil, values: [String: String] = [:]) -> String {
        func t(_ key: StaffStrings) -> String { HTML.escape(key.text(language)) }
        func value(_ name: String) -> String { HTML.escape(values[name] ?? "") }
        var body = "<h1>\(t(.accounts))</h1>\(StaffFrame.notice(notice))\(StaffFrame.error(error))"
        body += "<table id=\"accounts\"><thead><tr><th>\(t(.login))</th><th>\(t(.role))</th><th>\(t(.module))</th>"
        body += "<th>\(t(.category))</th><th>\(t(.area))</th><th>\(t(.subUnit))</th><th>\(t(.accountStatus))</th>"
        body += "<th>\(t(.actions))</th></tr></thead><tbody>"
        for account in accounts {
            body += "<tr><td>\(HTML.escape(account.login))</td><td>\(HTML.escape(language == .en ? account.role.labelEN : account.role.labelID))</td>"
            body += "<td>\(account.module?.rawValue ?? "—")</td><td>\(HTML.escape(account.categories.joined(separator: ", ")))</td>"
            body += "<td>\(HTML.escape(account.area ?? "—"))</td>"
            let unit = account.subUnit.map { code in subUnits.first { $0.code == code }?.name(language) ?? code }
            body += "<td>\(HTML.escape(unit ?? "—"))</td>"
            body += "<td>\(account.active ? t(.accountActive) : t(.accountDisabled))</td>"
            body += "<td>\(actions(for: account, session: session, language: language))</td></tr>"
        }
        body += "</tbody></table><h2>\(t(.createAccount))</h2>"
        body += "<form method=\"post\" action=\"\(StaffFrame.link("/staff/accounts", language))\">\(StaffFrame.csrfField(session))"
        body += "<label for=\"new-login\">\(t(.login))</label><input id=\"new-login\" name=\"login\" required value=\"\(value("login"))\">"
        body += "<label for=\"new-password\">\(t(.password))</label><input id=\"new-password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" minlength=\"8\" required>"
        body += "<label for=\"new-role\">\(t(.role))</label><select id=\"new-role\" name=\"role\">"
        for role in session.account.manager.managedRoles {
            body += "<option value=\"\(role.rawValue)\"\(values["role"] == role.rawValue ? " selected" : "")>\(HTML.escape(language == .en ? role.labelEN : role.labelID))</option>"
        }
        body += "</select><label for=\"new-module\">\(t(.module))</label><select id=\"new-module\" name=\"module\"><option value=\"\">—</option>"
        for module in ModuleName.allCases {
            body += "<option value=\"\(module.rawValue)\"\(values["module"] == module.rawValue ? " selected" : "")>\(module.rawValue)</option>"
        }
        body += "</select><label for=\"new-categories\">\(t(.categoriesField))</label><input id=\"new-categories\" name=\"categories\" value=\"\(value("categories"))\">"
        body += "<label for=\"new-area\">\(t(.areaField))</label><input id=\"new-area\" name=\"area\" value=\"\(value("area"))\">"
        body += "<label for=\"new-sub-unit\">\(t(.subUnit))</label><select id=\"new-sub-unit\" name=\"sub_unit\"><option value=\"\">—</option>"
        for unit in subUnits {
            body += "<option value=\"\(HTML.escape(unit.code))\"\(values["sub_unit"] == unit.code ? " selected" : "")>\(HTML.escape(unit.name(language)))</option>"
        }
        body += "</select>"
        body += "<button type=\"submit\">\(t(.create))</button></form>"
        return StaffFrame.page(title: StaffStrings.accounts.text(language), language: language, session: session,
                               path: "/staff/accounts", body: body)
    }

    /// The buttons for one account: none for a role the signed-in account does not manage, and no
    /// disabling of oneself.
    static func actions(for account: Account, session: StaffSession, language: Language) -> String {
        func t(_ key: StaffStrings) -> String { HTML.escape(key.text(language)) }
        guard session.account.manager.manages(account.role) else { return t(.notManagedHere) }
        func form(_ action: String, _ inner: String) -> String {
            let path = "/staff/accounts/\(HTML.escape(account.login))/\(action)"
            return "<form method=\"post\" class=\"account-action\" action=\"\(StaffFrame.link(path, language))\">"
                + StaffFrame.csrfField(session) + inner + "</form>"
        }
        var html = ""
        if !account.active {
            html += form("enable", "<button type=\"submit\">\(t(.enableAccount))</button>")
        } else if account.id != session.account.id {
            html += form("disable", "<button type=\"submit\">\(t(.disableAccount))</button>")
        }
        html += form("revoke-sessions", "<button type=\"submit\">\(t(.revokeSessions))</button>")
        let field = "password-\(account.id)"
        html += form("password", "<label for=\"\(field)\">\(t(.newPassword))</label>"
            + "<input id=\"\(field)\" name=\"password\" type=\"password\" autocomplete=\"new-password\" minlength=\"8\" required>"
            + "<button type=\"submit\">\(t(.resetPassword))</button>")
        return html
    }
}
