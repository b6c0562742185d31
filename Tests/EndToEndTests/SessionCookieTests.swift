import Foundation
import HTTP
import TestSupport
import Testing

/// The staff side's cookies: by default every one it sets, and every one it clears, is Secure,
/// HttpOnly, SameSite=Strict and `__Host-` (Path=/), the JSON login and logout as much as the pages;
/// HUB_COOKIE_SECURE=0 (plain-HTTP testing) drops Secure and the prefix.
@Suite(.serialized)
struct SessionCookieTests {
    func expectLocked(_ header: String?, _ name: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let header = header ?? ""
        let attributes = Set(header.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(header.hasPrefix("__Host-\(name)="), "\(what): \(header)", sourceLocation: sourceLocation)
        #expect(attributes.isSuperset(of: ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"]), "\(what): \(header)",
                sourceLocation: sourceLocation)
        #expect(!attributes.contains { $0.lowercased().hasPrefix("domain=") }, "\(what): \(header)", sourceLocation: sourceLocation)
    }

    @Test func cookiesAreSecureAndHostPrefixedByDefault() throws {
        // "" is HUB_COOKIE_SECURE unset: the test harness otherwise runs with 0.
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["gateway", "intake"],
                                 environment: ["HUB_COOKIE_SECURE": ""])
        #expect(try hub.hubctl(["user", "add", "kuki.admin", "--role", "admin"], input: "sandi-kuki-01\n").status == 0)
        let login = try hub.post("/api/v1/staff/login", json: ["login": "kuki.admin", "password": "sandi-kuki-01"])
        #expect(login.status == 200)
        expectLocked(login.headers["Set-Cookie"], "hub_session", "JSON login")
        let token = try #require(login.jsonObject["token"] as? String)
        #expect(try hub.request("GET", "/api/v1/staff/me", headers: [("Cookie", "__Host-hub_session=\(token)")]).status == 200)
        #expect(try hub.request("GET", "/api/v1/staff/me", headers: [("Cookie", "hub_session=\(token)")]).status == 401,
                "the unprefixed name, which a sibling domain could plant, is not read")
        let logout = try hub.post("/api/v1/staff/logout", json: [:], token: token)
        #expect(logout.status == 204)
        expectLocked(logout.headers["Set-Cookie"], "hub_session", "JSON logout")
        #expect(logout.headers["Set-Cookie"]?.contains("Max-Age=0") == true)
        expectLocked(try hub.get("/staff/login").headers["Set-Cookie"], "hub_login_csrf", "login page")

        // The pages work with the prefixed cookies from the first form to the queue.
        let browser = PageClient(hub)
        #expect(try browser.logIn("kuki.admin", "sandi-kuki-01").status == 303)
        #expect(browser.cookies["__Host-hub_session"] != nil)
        #expect(try browser.get("/staff/accounts").status == 200)
    }

    @Test func plainHTTPTestingDropsSecureAndThePrefix() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["gateway", "intake"],
                                 environment: ["HUB_COOKIE_SECURE": "0"])
        #expect(try hub.hubctl(["user", "add", "kuki.lan", "--role", "admin"], input: "sandi-kuki-02\n").status == 0)
        let login = try hub.post("/api/v1/staff/login", json: ["login": "kuki.lan", "password": "sandi-kuki-02"])
        let cookie = try #require(login.headers["Set-Cookie"])
        #expect(cookie.hasPrefix("hub_session=") && !cookie.contains("Secure") && cookie.contains("HttpOnly; SameSite=Strict"))
        let form = try #require(try hub.get("/staff/login").headers["Set-Cookie"])
        #expect(form.hasPrefix("hub_login_csrf=") && form.contains("Path=/staff/login") && !form.contains("Secure"))
    }

    @Test func aBadCookieSettingStopsTheService() throws {
        let database = try TestCluster.shared().migratedDatabase()
        #expect { try RunningHub(databaseURL: database, services: ["intake"], environment: ["HUB_COOKIE_SECURE": "yes"]) }
            throws: { "\($0)".contains("HUB_COOKIE_SECURE") }
        #expect { try RunningHub(databaseURL: database, services: ["gateway"], environment: ["HUB_TRUSTED_PROXIES": "10.0.0.0/40"]) }
            throws: { "\($0)".contains("HUB_TRUSTED_PROXIES") && "\($0)".contains("10.0.0.0/40") }
        #expect { try RunningHub(databaseURL: database, services: ["gateway"], environment: ["HUB_PUBLIC_URL": "lapor.example.go.id"]) }
            throws: { "\($0)".contains("HUB_PUBLIC_URL") }
    }
}
