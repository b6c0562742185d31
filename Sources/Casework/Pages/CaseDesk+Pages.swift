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
        let pageSessions = StaffSessionMiddleware(sessions, .pages)
        router.group("/staff", errors: pageErrors) { pages in
            pages.add(middleware: PageLanguage())
            if module == .intake {
                pages.get("/login") { request, _ in desk.loginPage(request) }
                pages.post("/login") { request, _ in try desk.logInFromPage(request) }
            }
            pages.group { signedIn in
                signedIn.add(middleware: pageSessions)
                signedIn.get("") { request, context in try desk.queuePage(request, session: context.staffSession) }
                if module == .intake {
                    signedIn.post("/logout") { request, context in try desk.logOutFromPage(request, session: context.staffSession) }
                    signedIn.get("/accounts") { request, context in try desk.accountsPage(request, session: context.staffSession) }
                    signedIn.post("/accounts") { request, context in try desk.createAccountFromPage(request, session: context.staffSession) }
                    signedIn.post("/accounts/{login}/{action}") { request, context in
                        try desk.changeAccountFromPage(request, session: context.staffSession)
                    }
                    desk.installAdminPages(on: &signedIn)
                }
                if let deskIntake { desk.installDeskPages(on: &signedIn, intake: deskIntake) }
                if let letterDesk {
                    desk.installLetterPages(on: &signedIn, letters: letterDesk)
                    desk.installDistrictPages(on: &signedIn, letters: letterDesk)
                }
                signedIn.get("/cases/{code}") { request, context in try desk.casePage(request, session: context.staffSession) }
                signedIn.post("/cases/{code}/{action}", options: .uploads) { request, context in
                    try desk.actFromPage(request, session: context.staffSession)
                }
            }
        }
        // An image, not a page: its errors keep the hub's JSON shape, as the other non-page resources'.
        router.group("/staff", errors: .json) { images in
            images.add(middleware: pageSessions)
            images.get("/cases/{code}/photos/{id}") { request, context in try desk.casePhoto(request, session: context.staffSession) }
        }
    }

    static func language(_ request: HTTPRequest) -> Language { PageLanguage.of(request) }

    /// The page session from the cookie, or nil, for an error page on a route the session
    /// middleware did not run on.
    func pageSession(_ request: HTTPRequest) throws -> StaffSession? {
        guard let token = StaffCookie.session.value(in: request) else { return nil }
        return try sessions.session(forToken: token)
    }

    static func page(_ html: String, status: Int = 200) -> HTTPResponse {
        var response = HTTPResponse.html(html, status: status)
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    // MARK: the queue

    /// The queue, or with `code` (the search box) straight to that case's page when the code reads.
    func queuePage(_ request: HTTPRequest, session: StaffSession?) throws -> HTTPResponse {
        let language = Self.language(request)
        guard let session else { return Self.toLogin(request) }
        let search = request.query("code").nonBlank
        if let search, let code = TrackingCode(parsing: search) {
            return .redirect(to: StaffFrame.link("/staff/cases/\(code.value)", language))
        }
        let view: QueueView
        do {
            view = try queue(for: session.account, query: request.query, pageSize: StaffQueuePage.pageSize)
        } catch let refusal as Refusal {
            return Self.refusalPage(refusal, session: session, language: language)
        }
        let (categories, subUnits, areas) = try pool.withConnection { connection in
            (try CategoryStore.all(connection), try SubUnitStore.all(on: connection), try RegionStore.directory(on: connection))
        }
        let listing = StaffQueueListing(entries: view.entries, counts: view.counts, filter: view.filter, order: view.order,
                                        page: view.page, query: request.queryItems, areas: areas)
        return Self.page(StaffQueuePage.render(session: session, listing: listing,
                                               categories: categories, subUnits: subUnits, language: language, now: view.now, search: search,
                                               error: search == nil ? nil : StaffStrings.codeUnreadable.text(language)),
                         status: search == nil ? 200 : 400)
    }
}
