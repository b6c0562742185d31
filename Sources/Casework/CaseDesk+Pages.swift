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
    func installPageRoutes(on router: inout Router) {
        let desk = self
        router.get("/staff/login", pageRoute { request in desk.loginPage(request) })
        router.post("/staff/login", pageRoute { request in try desk.logInFromPage(request) })
        router.post("/staff/logout", pageRoute { request in try desk.logOutFromPage(request) })
        router.get("/staff", pageRoute { request in try desk.queuePage(request) })
        router.get("/staff/accounts", pageRoute { request in try desk.accountsPage(request) })
        router.post("/staff/accounts", pageRoute { request in try desk.createAccountFromPage(request) })
        router.get("/staff/cases/{code}", pageRoute { request in try desk.casePage(request) })
        router.post("/staff/cases/{code}/{action}", options: .uploads, pageRoute { request in try desk.actFromPage(request) })
        // An image, not a page: its errors keep the hub's JSON shape, as the other non-page resources'.
        router.get("/staff/cases/{code}/photos/{id}") { request in try desk.casePhoto(request) }
    }

    static func language(_ request: HTTPRequest) -> Language { Language(code: request.query("lang")) }

    /// The page session from the cookie, or nil (the caller sends the browser to the login page).
    func pageSession(_ request: HTTPRequest) throws -> StaffSession? {
        guard let token = request.cookie(StaffAuthentication.cookieName) else { return nil }
        return try pool.withConnection { try AccountStore.session(forToken: token, on: $0) }
    }

    static func page(_ html: String, status: Int = 200) -> HTTPResponse {
        var response = HTTPResponse.html(html, status: status)
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    // MARK: the queue

    /// The queue, or with `code` (the search box) straight to that case's page when the code reads.
    func queuePage(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Self.language(request)
        guard let session = try pageSession(request) else { return Self.toLogin(request) }
        let search = request.query("code").nonBlank
        if let search, let code = TrackingCode(parsing: search) {
            return .redirect(to: StaffFrame.link("/staff/cases/\(code.value)", language))
        }
        let filter: QueueFilter
        do {
            filter = try QueueRequest.filter(for: session.account, query: request.query, exists: referenceExists)
        } catch let error as HTTPError {
            let message = StaffStrings.refusal(error.code, language, at: .queue) ?? error.message
            return Self.page(StaffFrame.errorPage(message, session: session, language: language), status: error.status)
        }
        let now = Date()
        let (cases, counts, categories, subUnits) = try pool.withConnection { connection in
            (try CaseStore.queue(filter, now: now, on: connection), try CaseStore.queueCounts(filter, now: now, on: connection),
             try CategoryStore.all(connection), try SubUnitStore.all(on: connection))
        }
        return Self.page(StaffQueuePage.render(session: session, cases: cases, counts: counts, filter: filter,
                                               categories: categories, subUnits: subUnits, language: language, now: now, search: search,
                                               error: search == nil ? nil : StaffStrings.codeUnreadable.text(language)),
                         status: search == nil ? 200 : 400)
    }

    // MARK: accounts (admins)

    func accountsPage(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Self.language(request)
        guard let session = try pageSession(request) else { return Self.toLogin(request) }
        guard session.account.role == .admin else {
            return Self.page(StaffFrame.errorPage(StaffStrings.adminsOnly.text(language), session: session, language: language), status: 403)
        }
        let (accounts, subUnits) = try pool.withConnection { (try AccountStore.all(on: $0), try SubUnitStore.all(on: $0)) }
        return Self.page(StaffAccountsPage.render(session: session, accounts: accounts, subUnits: subUnits, language: language,
                                                  notice: request.query("created") == "1" ? StaffStrings.accountCreated.text(language) : nil))
    }

    func createAccountFromPage(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Self.language(request)
        let form = try PageForm(request)
        guard let session = try pageSession(request) else { return sessionEnded(request, form: form, next: "/staff/accounts") }
        guard session.accepts(csrf: form.fields["csrf"]) else { return formExpired(request, session: session) }
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
                                                      error: StaffStrings.refusal(error.code, language, at: .accounts) ?? error.message,
                                                      values: values), status: error.status)
        }
    }
}
