import Complaints
import Foundation
import HTTP
import HubStore
import ServiceKit
import Web

/// The staff pages under `/staff/`: server-rendered HTML that works without scripts. Sessions are
/// the same as the JSON API's (the `hub_session` cookie); every form that changes state carries the
/// session's CSRF token, and the login form the token of a pre-login cookie.
extension CaseDesk {
    static let loginCSRFCookie = "hub_login_csrf"

    func installPageRoutes(on router: inout Router) {
        let desk = self
        router.get("/staff/login") { request in desk.loginPage(request) }
        router.post("/staff/login") { request in try desk.logInFromPage(request) }
        router.post("/staff/logout") { request in try desk.logOutFromPage(request) }
        router.get("/staff") { request in try desk.queuePage(request) }
        router.get("/staff/accounts") { request in try desk.accountsPage(request) }
        router.post("/staff/accounts") { request in try desk.createAccountFromPage(request) }
        router.get("/staff/cases/{code}") { request in try desk.casePage(request) }
        router.post("/staff/cases/{code}/{action}") { request in try desk.actFromPage(request) }
        router.get("/staff/cases/{code}/photos/{id}") { request in try desk.casePhoto(request) }
    }

    static func language(_ request: HTTPRequest) -> Language { Language(code: request.query("lang")) }

    static func toLogin(_ language: Language) -> HTTPResponse {
        .redirect(to: language == .en ? "/staff/login?lang=en" : "/staff/login")
    }

    /// The page session from the cookie, or nil (the caller sends the browser to the login page).
    func pageSession(_ request: HTTPRequest) throws -> StaffSession? {
        guard let token = request.cookie(StaffAuthentication.cookieName) else { return nil }
        return try pool.withConnection { try AccountStore.session(forToken: token, on: $0) }
    }

    /// A page that refuses a stale or forged form: inside the staff frame for a signed-in account,
    /// else a fresh login form with a new token.
    func formExpired(_ language: Language, session: StaffSession? = nil, request: HTTPRequest? = nil) -> HTTPResponse {
        let message = StaffStrings.formExpired.text(language)
        guard let session else {
            let existing = request?.cookie(Self.loginCSRFCookie).flatMap { $0.count == 32 ? $0 : nil }
            let csrf = existing ?? FormToken.generate()
            var response = Self.page(StaffLoginPage.render(language: language, csrf: csrf, error: message), status: 403)
            if existing == nil {
                response.headers.add("Set-Cookie", "\(Self.loginCSRFCookie)=\(csrf); Path=/staff/login; HttpOnly; SameSite=Strict\(secureCookies ? "; Secure" : "")")
            }
            return response
        }
        return Self.page(StaffFrame.errorPage(message, session: session, language: language), status: 403)
    }

    static func page(_ html: String, status: Int = 200) -> HTTPResponse {
        var response = HTTPResponse.html(html, status: status)
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    // MARK: login and logout

    func loginPage(_ request: HTTPRequest) -> HTTPResponse {
        let language = Self.language(request)
        let csrf = request.cookie(Self.loginCSRFCookie).flatMap { $0.count == 32 ? $0 : nil } ?? FormToken.generate()
        var response = Self.page(StaffLoginPage.render(language: language, csrf: csrf))
        response.headers.add("Set-Cookie", "\(Self.loginCSRFCookie)=\(csrf); Path=/staff/login; HttpOnly; SameSite=Strict\(secureCookies ? "; Secure" : "")")
        return response
    }

    func logInFromPage(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Self.language(request)
        let form = try PageForm(request)
        guard let cookie = request.cookie(Self.loginCSRFCookie), cookie == form.fields["csrf"] else { return formExpired(language, request: request) }
        let login = form.fields["login"] ?? ""
        let outcome = try pool.transaction {
            try AccountStore.logIn(login: login, password: form.fields["password"] ?? "", address: request.forwardedClientAddress,
                                   throttle: loginThrottle, on: $0)
        }
        switch outcome {
        case .success(_, let token, let expires):
            var response = HTTPResponse.redirect(to: language == .en ? "/staff/?lang=en" : "/staff/")
            response.headers.add("Set-Cookie", sessionCookie(token, maxAge: max(0, Int(expires.timeIntervalSinceNow))))
            response.headers.add("Cache-Control", "no-store")
            return response
        case .invalid:
            return Self.page(StaffLoginPage.render(language: language, csrf: cookie, login: login,
                                                   error: StaffStrings.loginFailed.text(language)), status: 401)
        case .throttled(let wait):
            var response = Self.page(StaffLoginPage.render(language: language, csrf: cookie, login: login,
                                                           error: StaffStrings.loginThrottled.text(language)), status: 429)
            response.headers.add("Retry-After", String(wait))
            return response
        }
    }

    func logOutFromPage(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Self.language(request)
        guard let session = try pageSession(request) else { return Self.toLogin(language) }
        guard session.accepts(csrf: try PageForm(request).fields["csrf"]) else { return formExpired(language, session: session) }
        if let token = request.cookie(StaffAuthentication.cookieName) {
            try pool.withConnection { try AccountStore.revoke(token: token, on: $0) }
        }
        var response = Self.toLogin(language)
        response.headers.add("Set-Cookie", sessionCookie("", maxAge: 0))
        return response
    }

    func sessionCookie(_ token: String, maxAge: Int) -> String {
        "\(StaffAuthentication.cookieName)=\(token); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict\(secureCookies ? "; Secure" : "")"
    }

    // MARK: the queue

    func queuePage(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Self.language(request)
        guard let session = try pageSession(request) else { return Self.toLogin(language) }
        let filter: QueueFilter
        do {
            filter = try QueueRequest.filter(for: session.account, query: request.query)
        } catch let error as HTTPError {
            return Self.page(StaffFrame.errorPage(error.message, session: session, language: language), status: error.status)
        }
        let now = Date()
        let (cases, counts, categories) = try pool.withConnection { connection in
            (try CaseStore.queue(filter, now: now, on: connection), try CaseStore.queueCounts(filter, now: now, on: connection),
             try CategoryStore.all(connection))
        }
        return Self.page(StaffQueuePage.render(session: session, cases: cases, counts: counts, filter: filter,
                                               categories: categories, language: language, now: now))
    }

    // MARK: accounts (admins)

    func accountsPage(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Self.language(request)
        guard let session = try pageSession(request) else { return Self.toLogin(language) }
        guard session.account.role == .admin else {
            return Self.page(StaffFrame.errorPage(StaffStrings.adminsOnly.text(language), session: session, language: language), status: 403)
        }
        let (accounts, subUnits) = try pool.withConnection { (try AccountStore.all(on: $0), try SubUnitStore.all(on: $0)) }
        return Self.page(StaffAccountsPage.render(session: session, accounts: accounts, subUnits: subUnits, language: language,
                                                  notice: request.query("created") == "1" ? StaffStrings.accountCreated.text(language) : nil))
    }

    func createAccountFromPage(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Self.language(request)
        guard let session = try pageSession(request) else { return Self.toLogin(language) }
        let form = try PageForm(request)
        guard session.accepts(csrf: form.fields["csrf"]) else { return formExpired(language, session: session) }
        guard session.account.role == .admin else {
            return Self.page(StaffFrame.errorPage(StaffStrings.adminsOnly.text(language), session: session, language: language), status: 403)
        }
        do {
            try pool.transaction { connection in
                let created = try AccountRequest.create(form.fields, on: connection)
                try AccountRequest.audit(created, by: session.account, on: connection)
            }
            return .redirect(to: StaffFrame.link("/staff/accounts?created=1", language))
        } catch let error as HTTPError {
            var values = form.fields
            values["password"] = nil
            let (accounts, subUnits) = try pool.withConnection { (try AccountStore.all(on: $0), try SubUnitStore.all(on: $0)) }
            return Self.page(StaffAccountsPage.render(session: session, accounts: accounts, subUnits: subUnits, language: language,
                                                      error: error.message, values: values), status: error.status)
        }
    }
}
