import Foundation
import HTTP
import TestSupport
import Testing

/// A cookie alone never changes state: a JSON request authenticated by the session cookie must send
/// the session's CSRF token in X-CSRF-Token and this site's Origin. Bearer clients are unaffected.
@Suite(.serialized)
struct CookieCSRFTests {
    static let deskBody = Array(#"{"category":"kesehatan","description":"Warga melapor di loket: antrean obat lama"}"#.utf8)

    @Test func aCookieAloneNeverChangesState() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["gateway", "intake"])
        #expect(try hub.hubctl(["user", "add", "loket.umum", "--role", "staff", "--module", "intake"], input: "sandi-loket-01\n").status == 0)
        let login = try hub.post("/api/v1/staff/login", json: ["login": "loket.umum", "password": "sandi-loket-01"])
        let token = try #require(login.jsonObject["token"] as? String)
        let csrf = try #require(login.jsonObject["csrf_token"] as? String)
        #expect(csrf.count >= 32)
        let cookie = ("Cookie", "hub_session=\(token)")
        let json = ("Content-Type", "application/json")
        func desk(_ headers: [(String, String)]) throws -> HTTPResponse {
            try hub.request("POST", "/api/v1/staff/desk/complaints", headers: [json] + headers, body: Self.deskBody)
        }
        func code(_ response: HTTPResponse) -> String? { (response.jsonObject["error"] as? [String: Any])?["code"] as? String }

        let bare = try desk([cookie])
        #expect(bare.status == 403 && code(bare) == "csrf_token_required", "\(bare.status) \(bare.text)")
        #expect(bare.headers["Cache-Control"] == "no-store")
        let wrongToken = try desk([cookie, ("X-CSRF-Token", String(repeating: "0", count: csrf.count)), ("Origin", "http://127.0.0.1")])
        #expect(wrongToken.status == 403 && code(wrongToken) == "csrf_token_required")
        let noOrigin = try desk([cookie, ("X-CSRF-Token", csrf)])
        #expect(noOrigin.status == 403 && code(noOrigin) == "origin_mismatch", "\(noOrigin.status) \(noOrigin.text)")
        let foreign = try desk([cookie, ("X-CSRF-Token", csrf), ("Origin", "http://evil.example")])
        #expect(foreign.status == 403 && code(foreign) == "origin_mismatch")
        let sameOrigin = try desk([cookie, ("X-CSRF-Token", csrf), ("Origin", "http://127.0.0.1")])
        #expect(sameOrigin.status == 201, "\(sameOrigin.status) \(sameOrigin.text)")
        #expect(try desk([("Authorization", "Bearer \(token)")]).status == 201, "a Bearer client needs neither")

        #expect(try hub.request("GET", "/api/v1/staff/me", headers: [cookie]).status == 200, "reading needs the cookie only")
        #expect(try hub.request("POST", "/api/v1/staff/logout", headers: [cookie]).status == 403, "nor can a bare cookie log out")
        #expect(try hub.request("GET", "/api/v1/staff/me", headers: [cookie]).status == 200)
        let logout = try hub.request("POST", "/api/v1/staff/logout", headers: [cookie, ("X-CSRF-Token", csrf), ("Origin", "http://127.0.0.1")])
        #expect(logout.status == 204)
        #expect(try hub.request("GET", "/api/v1/staff/me", headers: [cookie]).status == 401)
    }

    @Test func withAPublicURLTheOriginMustBeIts() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["gateway", "intake"],
                                 environment: ["HUB_PUBLIC_URL": "https://lapor.example.go.id"])
        #expect(try hub.hubctl(["user", "add", "loket.dua", "--role", "staff", "--module", "intake"], input: "sandi-loket-02\n").status == 0)
        let login = try hub.post("/api/v1/staff/login", json: ["login": "loket.dua", "password": "sandi-loket-02"])
        let token = try #require(login.jsonObject["token"] as? String)
        let csrf = try #require(login.jsonObject["csrf_token"] as? String)
        func desk(origin: String) throws -> Int {
            try hub.request("POST", "/api/v1/staff/desk/complaints",
                            headers: [("Content-Type", "application/json"), ("Cookie", "hub_session=\(token)"), ("X-CSRF-Token", csrf),
                                      ("Origin", origin)], body: Self.deskBody).status
        }
        #expect(try desk(origin: "http://127.0.0.1") == 403, "the Host asked is no longer the yardstick")
        #expect(try desk(origin: "https://lapor.example.go.id") == 201)
    }
}
