import Complaints
import HTTP
import HubStore
import ServiceKit
import Web

/// The accounts page: admins see every account and manage every role but inspector; inspectors see
/// and manage inspector accounts only (see `AccountManager`). The same rules and audit as the API.
extension CaseDesk {
    /// The change a button of the page asks for, and the notice to show after the redirect.
    private static func change(_ action: String, _ form: PageForm) -> (change: AccountRequest.Change, done: String)? {
        switch action {
        case "disable": return (.setActive(false), "disabled")
        case "enable": return (.setActive(true), "enabled")
        case "password": return (.password(form.fields["password"] ?? ""), "password")
        case "revoke-sessions": return (.revokeSessions, "sessions")
        default: return nil
        }
    }

    func accountsPage(_ request: HTTPRequest, session: StaffSession?) throws -> HTTPResponse {
        let language = Self.language(request)
        guard let session else { return Self.toLogin(request) }
        guard session.account.manager.managesAccounts else { return Self.managersOnly(session, language) }
        return try accountsPage(session, language: language, notice: StaffStrings.accountNotice(request.query("done"), language))
    }

    func createAccountFromPage(_ request: HTTPRequest, session: StaffSession?) throws -> HTTPResponse {
        let language = Self.language(request)
        return try postedForm(request, session: session) { session, form in
            do {
                _ = try createAccount(form.fields, by: Acting(session.account.manager, through: request))
                return .redirect(to: StaffFrame.link("/staff/accounts?done=created", language))
            } catch let refusal as Refusal {
                var values = form.fields
                values["password"] = nil
                return try accountsPage(session, language: language, refusal: refusal, values: values)
            }
        }
    }

    /// `POST /staff/accounts/{login}/{action}`: disable, enable, password (a new one), revoke-sessions.
    func changeAccountFromPage(_ request: HTTPRequest, session: StaffSession?) throws -> HTTPResponse {
        let language = Self.language(request)
        return try postedForm(request, session: session) { session, form in
            guard let action = Self.change(request.pathParameter("action", as: String.self) ?? "", form) else {
                return try accountsPage(session, language: language, refusal: .unknownAccountChange)
            }
            do {
                _ = try changeAccount(request.pathParameter("login", as: String.self) ?? "", action.change,
                                      by: Acting(session.account.manager, through: request))
                return .redirect(to: StaffFrame.link("/staff/accounts?done=\(action.done)", language))
            } catch let refusal as Refusal {
                return try accountsPage(session, language: language, refusal: refusal)
            }
        }
    }

    /// Runs `body` with the session and form of a post to the accounts page, or answers instead: the
    /// login (no session; nothing typed is kept, passwords least of all), an expired form, or a refusal
    /// for an account that manages no accounts.
    private func postedForm(_ request: HTTPRequest, session: StaffSession?,
                            _ body: (StaffSession, PageForm) throws -> HTTPResponse) throws -> HTTPResponse {
        let form = try PageForm(request)
        guard let session else { return sessionEnded(request, form: form, next: "/staff/accounts") }
        guard session.accepts(csrf: form.fields["csrf"]) else { return formExpired(request, session: session) }
        guard session.account.manager.managesAccounts else { return Self.managersOnly(session, Self.language(request)) }
        return try body(session, form)
    }

    private func accountsPage(_ session: StaffSession, language: Language, notice: String? = nil, refusal: Refusal? = nil,
                              values: [String: String] = [:]) throws -> HTTPResponse {
        let manager = session.account.manager
        let (accounts, subUnits) = try pool.withConnection {
            (try AccountStore.list(roles: Self.listedRoles(for: manager), on: $0), try SubUnitStore.all(on: $0))
        }
        return Self.page(StaffAccountsPage.render(session: session, accounts: accounts, subUnits: subUnits, language: language,
                                                  notice: notice, error: refusal?.message(language), values: values),
                         status: refusal?.status ?? 200)
    }

    private static func managersOnly(_ session: StaffSession, _ language: Language) -> HTTPResponse {
        page(StaffFrame.errorPage(StaffStrings.adminsOnly.text(language), session: session, language: language), status: 403)
    }
}
