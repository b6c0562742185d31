import Complaints
import HTTP
@testable import ServiceKit
import Testing

/// The session middleware over a table of sessions, behind a router as a service builds it: no
/// database, no sockets.
struct StaffSessionMiddlewareTests {
    static let kirStaff = StaffSession(account: account(1, "budi", .staff, .kir), csrfToken: String(repeating: "c", count: 32))
    static let inspector = StaffSession(account: account(2, "ina", .inspector, nil), csrfToken: String(repeating: "d", count: 32))
    static let sessions = StaffSessions { token in ["tok-kir": kirStaff, "tok-inspector": inspector][token] }

    static func account(_ id: Int64, _ login: String, _ role: Role, _ module: ModuleName?) -> Account {
        Account(id: id, login: login, role: role, module: module, categories: [], area: nil, subUnit: nil, active: true)
    }

    struct StoreAway: Error {}

    /// The JSON group of a module (`module`), answering with the signed-in login; and a page group.
    func router(module: ModuleName? = nil, sessions: StaffSessions = sessions) -> Router {
        var router = Router()
        router.group("/api/v1/staff", errors: .json) { api in
            api.add(middleware: StaffSessionMiddleware(sessions, .api(module: module)))
            api.get("/me") { _, context in .text(try context.staffAccount().login) }
            api.post("/cases/{code}/claim") { _, context in .text(try context.staffAccount().login) }
            api.post("/slots") { _, context in .text(try context.staffAccount(roles: [.supervisor, .admin]).login) }
        }
        router.group("/staff") { pages in
            pages.add(middleware: StaffSessionMiddleware(sessions, .pages))
            pages.get("") { _, context in .text(context.staffSession?.account.login ?? "to the login") }
            pages.post("/logout") { _, context in .text(context.staffSession?.account.login ?? "to the login") }
        }
        return router
    }

    func request(_ method: String, _ path: String, _ headers: [(String, String)] = []) -> HTTPRequest {
        var fields = HTTPHeaders()
        fields.add("Host", "hub.example")
        for (name, value) in headers { fields.add(name, value) }
        return HTTPRequest(method: method, target: path, pathSegments: path.split(separator: "/").map(String.init), rawQuery: nil,
                           headers: fields)
    }

    func errorCode(_ response: HTTPResponse) -> String? {
        let text = String(decoding: response.body, as: UTF8.self)
        return text.split(separator: "\"").dropFirst(5).first.map(String.init)
    }

    let cookie = ("Cookie", "\(StaffCookie.session.name)=tok-kir")

    @Test func withoutASessionTheAPIAnswers401WithWWWAuthenticate() throws {
        for headers in [[], [("Authorization", "Bearer unknown")], [("Cookie", "\(StaffCookie.session.name)=unknown")]] {
            let response = try router().respond(to: request("GET", "/api/v1/staff/me", headers))
            #expect(response.status == 401 && errorCode(response) == "unauthenticated")
            #expect(response.headers["WWW-Authenticate"] == "Bearer realm=\"hub\"")
        }
    }

    @Test func aBearerTokenAuthenticatesAnyMethodWithoutCSRF() throws {
        #expect(String(decoding: try router().respond(to: request("GET", "/api/v1/staff/me", [("Authorization", "Bearer tok-kir")])).body,
                       as: UTF8.self) == "budi")
        let change = try router().respond(to: request("POST", "/api/v1/staff/cases/X/claim", [("Authorization", "bearer  tok-kir ")]))
        #expect(change.status == 200)
    }

    @Test func theCookieReadsFreelyButChangesOnlyWithTheCSRFTokenAndThisSitesOrigin() throws {
        #expect(try router().respond(to: request("GET", "/api/v1/staff/me", [cookie])).status == 200)
        let bare = try router().respond(to: request("POST", "/api/v1/staff/cases/X/claim", [cookie]))
        #expect(bare.status == 403 && errorCode(bare) == "csrf_token_required")
        let csrf = ("X-CSRF-Token", Self.kirStaff.csrfToken)
        let foreign = try router().respond(to: request("POST", "/api/v1/staff/cases/X/claim", [cookie, csrf, ("Origin", "https://evil.example")]))
        #expect(foreign.status == 403 && errorCode(foreign) == "origin_mismatch")
        let noOrigin = try router().respond(to: request("POST", "/api/v1/staff/cases/X/claim", [cookie, csrf]))
        #expect(noOrigin.status == 403 && errorCode(noOrigin) == "origin_mismatch")
        let wrongToken = try router().respond(to: request("POST", "/api/v1/staff/cases/X/claim",
                                                          [cookie, ("X-CSRF-Token", Self.inspector.csrfToken), ("Origin", "http://hub.example")]))
        #expect(wrongToken.status == 403 && errorCode(wrongToken) == "csrf_token_required")
        let sameSite = try router().respond(to: request("POST", "/api/v1/staff/cases/X/claim", [cookie, csrf, ("Origin", "http://hub.example")]))
        #expect(sameSite.status == 200)
    }

    @Test func aModulesGroupRefusesAnotherModulesAccountButNotAnInspector() throws {
        let other = try router(module: .publicWorks).respond(to: request("GET", "/api/v1/staff/me", [("Authorization", "Bearer tok-kir")]))
        #expect(other.status == 403 && errorCode(other) == "forbidden")
        #expect(try router(module: .kir).respond(to: request("GET", "/api/v1/staff/me", [("Authorization", "Bearer tok-kir")])).status == 200)
        #expect(try router(module: .publicWorks).respond(to: request("GET", "/api/v1/staff/me", [("Authorization", "Bearer tok-inspector")]))
            .status == 200)
    }

    @Test func aRouteNamesTheRolesThatMayAct() throws {
        let staff = try router().respond(to: request("POST", "/api/v1/staff/slots", [("Authorization", "Bearer tok-kir")]))
        #expect(staff.status == 403 && errorCode(staff) == "forbidden_action")
    }

    @Test func pagesTakeTheCookieOnlyAndLeaveNoSessionToThePage() throws {
        func login(_ method: String, _ path: String, _ headers: [(String, String)]) throws -> String {
            String(decoding: try router().respond(to: request(method, path, headers)).body, as: UTF8.self)
        }
        #expect(try login("GET", "/staff", [cookie]) == "budi")
        #expect(try login("GET", "/staff", [("Authorization", "Bearer tok-kir")]) == "to the login")
        #expect(try login("GET", "/staff", []) == "to the login")
        #expect(try login("POST", "/staff/logout", [cookie]) == "budi", "a page checks its form's CSRF token itself")
    }

    @Test func aStoreThatIsAwayIsNotASessionThatIsMissing() {
        let away = StaffSessions { _ in throw StoreAway() }
        #expect(throws: StoreAway.self) { try router(sessions: away).respond(to: request("GET", "/api/v1/staff/me", [("Authorization", "Bearer x")])) }
        #expect(throws: StoreAway.self) { try router(sessions: away).respond(to: request("GET", "/staff", [cookie])) }
    }

    @Test func loggingOutTakesABearerAsSentAndACookieOnlyWithItsCSRFToken() throws {
        #expect(try StaffAuthentication.tokenForChange(request("POST", "/api/v1/staff/logout"), sessions: Self.sessions) == nil)
        #expect(try StaffAuthentication.tokenForChange(request("POST", "/api/v1/staff/logout", [("Authorization", "Bearer gone")]),
                                                       sessions: Self.sessions) == "gone")
        #expect(throws: Refusal.csrfTokenRequired) {
            try StaffAuthentication.tokenForChange(request("POST", "/api/v1/staff/logout", [cookie]), sessions: Self.sessions)
        }
        #expect(try StaffAuthentication.tokenForChange(request("POST", "/api/v1/staff/logout", [("Cookie", "\(StaffCookie.session.name)=gone")]),
                                                       sessions: Self.sessions) == nil)
    }
}
