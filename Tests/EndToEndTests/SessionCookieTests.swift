import Foundation
import HTTP
import TestSupport
import Testing

/// With HUB_COOKIE_SECURE=1 every cookie the staff side sets, and every one it clears, is Secure,
/// HttpOnly and SameSite=Strict: the JSON login and logout as much as the pages.
struct SessionCookieTests {
    func expectLocked(_ header: String?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let attributes = Set((header ?? "").split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(attributes.isSuperset(of: ["Secure", "HttpOnly", "SameSite=Strict"]), "\(what): \(header ?? "no Set-Cookie")",
                sourceLocation: sourceLocation)
    }

    @Test func secureCookiesAreSecureEverywhere() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["gateway", "intake"],
                                 environment: ["HUB_COOKIE_SECURE": "1"])
        #expect(try hub.hubctl(["user", "add", "kuki.admin", "--role", "admin"], input: "sandi-kuki-01\n").status == 0)
        let login = try hub.post("/api/v1/staff/login", json: ["login": "kuki.admin", "password": "sandi-kuki-01"])
        #expect(login.status == 200)
        expectLocked(login.headers["Set-Cookie"], "JSON login")
        let token = try #require(login.jsonObject["token"] as? String)
        let logout = try hub.post("/api/v1/staff/logout", json: [:], token: token)
        #expect(logout.status == 204)
        expectLocked(logout.headers["Set-Cookie"], "JSON logout")
        #expect(logout.headers["Set-Cookie"]?.contains("Max-Age=0") == true)
        expectLocked(try hub.get("/staff/login").headers["Set-Cookie"], "login page")
    }
}
