import Complaints
import Foundation
import HTTP
import HubStore
import ServiceKit
import Web

/// The staff pages under `/staff/`: server-rendered HTML that works without scripts. Sessions are
/// the same as the JSON API's (the session cookie, `StaffCookie.session`); every form that changes state carries the
/// session's CSRF token, and the login form the token of a pre-login cookie.
extension CaseDesk {
    func installPageRoutes(on router: inout Router) {
        let desk = self
        router.get("/staff", pageRoute { request in try desk.queuePage(request) })
        if module == .intake {
            router.get("/staff/login", pageRoute { request in desk.loginPage(request) })
            router.post("/staff/login", pageRoute { request in try desk.logInFromPage(request) })
            router.post("/staff/logout", pageRoute { request in try desk.logOutFromPage(request) })
            router.get("/staff/accounts", pageRoute { request in try desk.accountsPage(request) })
            router.post("/staff/accounts", pageRoute { request in try desk.createAccountFromPage(request) })
            router.post("/staff/accounts/{login}/{action}", pageRoute { request in try desk.changeAccountFromPage(request) })
        }
        router.get("/staff/cases/{code}", pageRoute { request in try desk.casePage(request) })
        router.post("/staff/cases/{code}/{action}", options: .uploads, pageRoute { request in try desk.actFromPage(request) })
        // An image, not a page: its errors keep the hub's JSON shape, as the other non-page resources'.
        router.get("/staff/cases/{code}/photos/{id}") { request in try desk.casePhoto(request) }
    }

    static func language(_ request: HTTPRequest) -> Language { Language(code: request.query("lang")) }

    /// The page session from the cookie, or nil (the caller sends the browser to the login page).
    func pageSession(_ request: HTTPRequest) throws -> StaffSession? {
        guard let token = StaffCookie.session.value(in: request) else { return nil }
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
}
