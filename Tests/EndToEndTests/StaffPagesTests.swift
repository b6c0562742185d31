import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// A browser-like client for the staff pages: keeps cookies, reads the CSRF token from forms.
final class PageClient {
    let hub: RunningHub
    var cookies: [String: String] = [:]

    init(_ hub: RunningHub) { self.hub = hub }

    func remember(_ response: HTTPResponse) {
        for header in response.headers.values("Set-Cookie") {
            guard let pair = header.split(separator: ";").first else { continue }
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            cookies[parts[0]] = parts[1].isEmpty ? nil : parts[1]
        }
    }

    var cookieHeader: [(String, String)] {
        cookies.isEmpty ? [] : [("Cookie", cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))]
    }

    /// One request with the cookies kept so far; the answer's cookies are kept.
    func send(_ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = []) throws -> HTTPResponse {
        let response = try hub.request(method, path, headers: cookieHeader + headers, body: body)
        remember(response)
        return response
    }

    func get(_ path: String, headers: [(String, String)] = []) throws -> HTTPResponse {
        try send("GET", path, headers: headers)
    }

    func post(_ path: String, form: [(String, String)]) throws -> HTTPResponse {
        try send("POST", path, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(FormDecoder.encode(form).utf8))
    }

    /// The CSRF token in the first form of a page.
    static func csrf(_ page: HTTPResponse) -> String? {
        let text = page.text
        guard let range = text.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "\"" })
    }

    func logIn(_ login: String, _ password: String) throws -> HTTPResponse {
        let page = try get("/staff/login")
        return try post("/staff/login", form: [("csrf", Self.csrf(page) ?? ""), ("login", login), ("password", password)])
    }
}

@Suite(.serialized)
struct StaffPagesTests {
    static func dispatchedCase(_ hub: RunningHub, _ body: [String: Any]) throws -> String {
        let created = try hub.post("/api/v1/complaints", json: body)
        let code = try #require(created.jsonObject["tracking_code"] as? String)
        try hub.waitForStatus(code)
        return code
    }

    @Test func staffWorkACaseThroughThePagesAndFormsNeedTheirToken() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url, environment: ["HUB_LOGIN_MAX_FAILURES": "3"])
        #expect(try hub.hubctl(["user", "add", "rina.pu", "--role", "staff", "--module", "public-works"], input: "sandi-rina-01\n").status == 0)
        #expect(try hub.hubctl(["user", "add", "adi.pu", "--role", "staff", "--module", "public-works"], input: "sandi-adi-001\n").status == 0)
        #expect(try hub.hubctl(["user", "add", "admin.kota", "--role", "admin"], input: "sandi-admin-01\n").status == 0)
        let code = try Self.dispatchedCase(hub, ["category": "pekerjaan-umum", "description": "Jembatan kayu retak",
                                                 "kelurahan": "Sukajadi", "anonymous": false, "confidential": true,
                                                 "contact": ["email": "warga.sukajadi@example.id"]])

        // Without a session every page sends the browser to the login page, which leads back to it.
        let browser = PageClient(hub)
        for (path, login) in [("/staff/", "/staff/login"), ("/staff/cases/\(code)", "/staff/login?next=%2Fstaff%2Fcases%2F\(code)"),
                              ("/staff/accounts", "/staff/login?next=%2Fstaff%2Faccounts")] {
            let response = try browser.get(path)
            #expect(response.status == 303, "\(path)")
            #expect(response.headers["Location"] == login, "\(path)")
        }

        // The login form needs the token of its own cookie; a wrong password says so; then it works.
        let loginPage = try browser.get("/staff/login")
        #expect(loginPage.text.contains("<html lang=\"id\""))
        let forged = try browser.post("/staff/login", form: [("csrf", "bukan-token"), ("login", "rina.pu"), ("password", "sandi-rina-01")])
        #expect(forged.status == 403)
        let wrong = try browser.post("/staff/login", form: [("csrf", PageClient.csrf(loginPage) ?? ""), ("login", "rina.pu"), ("password", "salah")])
        #expect(wrong.status == 401)
        #expect(wrong.text.contains("Nama akun atau kata sandi salah."))
        let signedIn = try browser.logIn("rina.pu", "sandi-rina-01")
        #expect(signedIn.status == 303)
        #expect(signedIn.headers["Location"] == "/staff/")
        let cookie = try #require(signedIn.headers.values("Set-Cookie").first { $0.hasPrefix("hub_session=") })
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))

        // The queue lists the case with its counts; the case page shows the reporter (not anonymous).
        let queue = try browser.get("/staff/")
        #expect(queue.status == 200)
        #expect(queue.text.contains("data-code=\"\(code)\""))
        #expect(queue.text.contains("data-status=\"dispatched\">Diteruskan ke instansi: 1"))
        let filtered = try browser.get("/staff/?area=35.03.01.2001")
        #expect(!filtered.text.contains("data-code=\"\(code)\""), "the area filter leaves it out")
        let page = try browser.get("/staff/cases/\(code)")
        #expect(page.status == 200)
        #expect(page.text.contains("warga.sukajadi@example.id"))
        #expect(page.text.contains("id=\"action-claim\""))
        #expect(!page.text.contains("id=\"action-validate\""), "staff do not validate")
        let token = try #require(PageClient.csrf(page))

        // A form without the session's token changes nothing.
        let noToken = try browser.post("/staff/cases/\(code)/claim", form: [("csrf", "x")])
        #expect(noToken.status == 403)
        #expect(try hub.get("/api/v1/complaints/\(code)").jsonObject["status"] as? String == "dispatched")

        // Claim, assign to a colleague, a refused resolve keeps the input, then resolve.
        #expect(try browser.post("/staff/cases/\(code)/claim", form: [("csrf", token)]).headers["Location"]
                == "/staff/cases/\(code)?done=claim")
        #expect(try browser.post("/staff/cases/\(code)/assign", form: [("csrf", token), ("assignee", "adi.pu")]).status == 303)
        let refused = try browser.post("/staff/cases/\(code)/resolve", form: [("csrf", token), ("note", "   ")])
        #expect(refused.status == 409)
        #expect(refused.text.contains("Catatan wajib diisi."))
        let resolved = try browser.post("/staff/cases/\(code)/resolve", form: [("csrf", token), ("note", "Papan jembatan diganti")])
        #expect(resolved.status == 303)
        let after = try browser.get("/staff/cases/\(code)?done=resolve")
        #expect(after.text.contains("data-status=\"resolved\""))
        #expect(after.text.contains("data-kind=\"assigned\""))
        let publicView = try hub.get("/api/v1/complaints/\(code)").jsonObject
        #expect(publicView["status"] as? String == "resolved")
        let kinds = (publicView["timeline"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
        #expect(kinds == ["submitted", "dispatched", "claimed", "resolved"], "the assignment is internal")

        // Staff cannot reach the accounts page; the admin creates an account there, and it is audited.
        #expect(try browser.get("/staff/accounts").status == 403)
        let admin = PageClient(hub)
        #expect(try admin.logIn("admin.kota", "sandi-admin-01").status == 303)
        let accounts = try admin.get("/staff/accounts")
        #expect(accounts.status == 200)
        let adminToken = try #require(PageClient.csrf(accounts))
        let created = try admin.post("/staff/accounts", form: [
            ("csrf", adminToken), ("login", "validator.pu"), ("password", "sandi-validator-1"), ("role", "validator"),
            ("module", "public-works"), ("categories", "pekerjaan-umum"), ("area", ""),
        ])
        #expect(created.status == 303)
        let taken = try admin.post("/staff/accounts", form: [
            ("csrf", adminToken), ("login", "validator.pu"), ("password", "sandi-validator-1"), ("role", "validator"),
        ])
        #expect(taken.status == 409)
        #expect(try hub.logIn("validator.pu", "sandi-validator-1").isEmpty == false)
        let audit = try PostgresConnection(conninfo: url).query("""
            select after->>'login' as login from audit_log where action = 'create_account'
            """)
        #expect(try audit.map { try $0.decode("login", as: String.self) } == ["validator.pu"])

        // Logging out ends the session for good.
        let queueAgain = try browser.get("/staff/")
        let logout = try browser.post("/staff/logout", form: [("csrf", PageClient.csrf(queueAgain) ?? "")])
        #expect(logout.status == 303)
        #expect(try browser.get("/staff/").status == 303)
    }

    @Test func loginsAreThrottledPerAccount() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(),
                                 environment: ["HUB_LOGIN_MAX_FAILURES": "3"])
        #expect(try hub.hubctl(["user", "add", "sinta.sos", "--role", "staff", "--module", "social"], input: "sandi-sinta-01\n").status == 0)
        for _ in 0..<3 {
            #expect(try hub.post("/api/v1/staff/login", json: ["login": "sinta.sos", "password": "tebak"]).status == 401)
        }
        let throttled = try hub.post("/api/v1/staff/login", json: ["login": "sinta.sos", "password": "sandi-sinta-01"])
        #expect(throttled.status == 429)
        #expect(Int(throttled.headers["Retry-After"] ?? "") ?? 0 > 0)
        // A client cannot dodge it by claiming another address: the gateway replaces X-Forwarded-For.
        let spoofed = try hub.request("POST", "/api/v1/staff/login", headers: [("Content-Type", "application/json"),
                                                                                ("X-Forwarded-For", "198.51.100.77")],
                                      body: Array(#"{"login":"sinta.sos","password":"sandi-sinta-01"}"#.utf8))
        #expect(spoofed.status == 429)
        let page = PageClient(hub)
        #expect(try page.logIn("sinta.sos", "sandi-sinta-01").status == 429)
    }
}
