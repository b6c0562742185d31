import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// Cutting accounts off through the gateway, from `hubctl`, the JSON API and the accounts page:
/// disabling and a new password end every session at once, a disabled account cannot log in (the
/// same 401 as a wrong password), and admins neither create nor manage inspector accounts.
@Suite(.serialized)
struct AccountCutOffTests {
    /// A JSON request with a bearer token.
    static func send(_ hub: RunningHub, _ method: String, _ path: String, json: [String: Any]? = nil, token: String) throws -> HTTPResponse {
        let body = try json.map { [UInt8](try JSONSerialization.data(withJSONObject: $0)) } ?? []
        return try hub.request(method, path, headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")], body: body)
    }

    static func code(_ response: HTTPResponse) -> String? {
        (response.jsonObject["error"] as? [String: Any])?["code"] as? String
    }

    static func audit(_ hub: RunningHub) throws -> [String] {
        try PostgresConnection(conninfo: hub.databaseURL)
            .query("select role || ' ' || action || ' ' || coalesce(after->>'login', '') as line from audit_log order by id")
            .map { try $0.decode("line") }
    }

    @Test func theOperatorCutsAnAccountOffWithHubctl() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["intake", "gateway"])
        #expect(try hub.hubctl(["user", "add", "rina.pu", "--role", "staff", "--module", "public-works"], input: "sandi-rina-01\n").status == 0)
        let token = try hub.logIn("rina.pu", "sandi-rina-01")
        let other = try hub.logIn("rina.pu", "sandi-rina-01")
        let listed = try hub.hubctl(["user", "list"])
        #expect(listed.status == 0 && listed.output.contains("rina.pu") && listed.output.contains("active  2"), "\(listed.output)")

        let disabled = try hub.hubctl(["user", "disable", "rina.pu"])
        #expect(disabled.status == 0 && disabled.output.contains("disabled rina.pu; 2 session(s) ended"), "\(disabled.output)")
        #expect(try hub.get("/api/v1/staff/me", token: token).status == 401)
        #expect(try hub.get("/api/v1/staff/me", token: other).status == 401)
        let refused = try hub.post("/api/v1/staff/login", json: ["login": "rina.pu", "password": "sandi-rina-01"])
        let wrong = try hub.post("/api/v1/staff/login", json: ["login": "rina.pu", "password": "sandi-salah-01"])
        #expect(refused.status == 401 && refused.body == wrong.body, "a disabled account gets a wrong password's answer")
        #expect(try hub.hubctl(["user", "list"]).output.contains("disabled"))

        #expect(try hub.hubctl(["user", "enable", "rina.pu"]).status == 0)
        #expect(try hub.get("/api/v1/staff/me", token: token).status == 401, "enabling brings no session back")
        let again = try hub.logIn("rina.pu", "sandi-rina-01")

        let reset = try hub.hubctl(["user", "reset-password", "rina.pu"], input: "sandi-rina-baru\n")
        #expect(reset.status == 0 && reset.output.contains("1 session(s) ended"), "\(reset.output)")
        #expect(try hub.get("/api/v1/staff/me", token: again).status == 401)
        #expect(try hub.post("/api/v1/staff/login", json: ["login": "rina.pu", "password": "sandi-rina-01"]).status == 401)
        let fresh = try hub.logIn("rina.pu", "sandi-rina-baru")
        #expect(try hub.hubctl(["user", "revoke-sessions", "RINA.PU"]).status == 0)
        #expect(try hub.get("/api/v1/staff/me", token: fresh).status == 401)

        #expect(try hub.hubctl(["user", "disable", "tidak.ada"]).status == 1)
        #expect(try hub.hubctl(["user", "reset-password", "rina.pu"], input: "").status == 2)
        #expect(try hub.hubctl(["user", "disable"]).status == 2)
        #expect(try Self.audit(hub) == ["operator disable_account rina.pu", "operator enable_account rina.pu",
                                        "operator reset_password rina.pu", "operator revoke_sessions rina.pu"])
    }

    @Test func adminsCutAccountsOffThroughTheAPIButNeverInspectors() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["intake", "gateway"])
        for (login, password, role) in [("admin.kota", "sandi-admin-01", ["--role", "admin"]),
                                        ("rina.pu", "sandi-rina-01", ["--role", "staff", "--module", "public-works"]),
                                        ("inspektur", "sandi-insp-01", ["--role", "inspector"])] {
            #expect(try hub.hubctl(["user", "add", login] + role, input: password + "\n").status == 0)
        }
        let admin = try hub.logIn("admin.kota", "sandi-admin-01")
        let staff = try hub.logIn("rina.pu", "sandi-rina-01")
        let inspector = try hub.logIn("inspektur", "sandi-insp-01")
        let base = "/api/v1/staff/accounts"

        // Who may: nobody but managers, and the role is checked before the body is read.
        #expect(Self.code(try Self.send(hub, "PATCH", "\(base)/admin.kota", json: ["active": false], token: staff)) == "forbidden")
        #expect(try hub.request("PATCH", "\(base)/rina.pu", headers: [("Content-Type", "application/json")],
                                body: Array("{\"active\": false}".utf8)).status == 401)
        #expect(Self.code(try Self.send(hub, "PATCH", "\(base)/rina.pu", json: ["active": "no"], token: admin)) == "invalid_request")
        #expect(Self.code(try Self.send(hub, "PATCH", "\(base)/rina.pu", json: ["active": 0], token: admin)) == "invalid_request")
        #expect(try Self.send(hub, "PATCH", "\(base)/tidak.ada", json: ["active": false], token: admin).status == 404)
        let own = try Self.send(hub, "PATCH", "\(base)/admin.kota", json: ["active": false], token: admin)
        #expect(own.status == 409 && Self.code(own) == "own_account")

        let disabled = try Self.send(hub, "PATCH", "\(base)/RINA.PU", json: ["active": false], token: admin)
        #expect(disabled.status == 200, "\(disabled.text)")
        #expect(disabled.jsonObject["login"] as? String == "rina.pu" && disabled.jsonObject["active"] as? Bool == false)
        #expect(try hub.get("/api/v1/staff/me", token: staff).status == 401, "the session ended at once")
        let listed = try hub.get(base, token: admin).jsonObject["accounts"] as? [[String: Any]] ?? []
        #expect(listed.first { $0["login"] as? String == "rina.pu" }?["active"] as? Bool == false)
        #expect(try Self.send(hub, "PATCH", "\(base)/rina.pu", json: ["active": true], token: admin).jsonObject["active"] as? Bool == true)

        let short = try Self.send(hub, "POST", "\(base)/rina.pu/password", json: ["password": "pendek"], token: admin)
        #expect(short.status == 400 && Self.code(short) == "invalid_password")
        let session = try hub.logIn("rina.pu", "sandi-rina-01")
        let reset = try Self.send(hub, "POST", "\(base)/rina.pu/password", json: ["password": "sandi-rina-baru"], token: admin)
        #expect(reset.status == 200 && reset.jsonObject["sessions_ended"] as? Int == 1, "\(reset.text)")
        #expect(try hub.get("/api/v1/staff/me", token: session).status == 401)
        let fresh = try hub.logIn("rina.pu", "sandi-rina-baru")
        let revoked = try Self.send(hub, "POST", "\(base)/rina.pu/revoke-sessions", token: admin)
        #expect(revoked.status == 200 && revoked.jsonObject["sessions_ended"] as? Int == 1, "\(revoked.text)")
        #expect(try hub.get("/api/v1/staff/me", token: fresh).status == 401)

        // Inspectors are the inspectorate's: an admin neither creates nor touches one.
        let create = try hub.post(base, json: ["login": "inspektur.2", "password": "sandi-insp-02", "role": "inspector"], token: admin)
        #expect(create.status == 403 && Self.code(create) == "forbidden_role", "\(create.text)")
        for (method, path, body) in [("PATCH", "\(base)/inspektur", ["active": false]), ("POST", "\(base)/inspektur/password", ["password": "diambil-alih"]),
                                     ("POST", "\(base)/inspektur/revoke-sessions", [:])] as [(String, String, [String: Any])] {
            let refused = try Self.send(hub, method, path, json: body, token: admin)
            #expect(refused.status == 403 && Self.code(refused) == "forbidden_role", "\(method) \(path): \(refused.text)")
        }
        #expect(try hub.get("/api/v1/staff/me", token: inspector).status == 200, "the inspector's session is untouched")
        // An inspector creates and manages inspectors, and sees only them.
        #expect(try hub.post(base, json: ["login": "inspektur.2", "password": "sandi-insp-02", "role": "inspector"], token: inspector).status == 201)
        let staffByInspector = try hub.post(base, json: ["login": "staf.baru", "password": "sandi-staf-02", "role": "staff",
                                                         "module": "kir"], token: inspector)
        #expect(staffByInspector.status == 403 && Self.code(staffByInspector) == "forbidden_role")
        let seen = (try hub.get(base, token: inspector).jsonObject["accounts"] as? [[String: Any]] ?? []).compactMap { $0["login"] as? String }
        #expect(seen == ["inspektur", "inspektur.2"])
        #expect(try Self.send(hub, "PATCH", "\(base)/inspektur.2", json: ["active": false], token: inspector).status == 200)
        #expect(Self.code(try Self.send(hub, "PATCH", "\(base)/rina.pu", json: ["active": false], token: inspector)) == "forbidden_role")

        #expect(try Self.audit(hub) == ["admin disable_account rina.pu", "admin enable_account rina.pu", "admin reset_password rina.pu",
                                        "admin revoke_sessions rina.pu", "inspector create_account inspektur.2",
                                        "inspector disable_account inspektur.2"])
        #expect(try hub.request("DELETE", "\(base)/rina.pu").status == 405)
    }

    @Test func adminsCutAccountsOffOnTheAccountsPage() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["intake", "gateway"])
        #expect(try hub.hubctl(["user", "add", "admin.kota", "--role", "admin"], input: "sandi-admin-01\n").status == 0)
        #expect(try hub.hubctl(["user", "add", "rina.pu", "--role", "staff", "--module", "public-works"], input: "sandi-rina-01\n").status == 0)
        #expect(try hub.hubctl(["user", "add", "inspektur", "--role", "inspector"], input: "sandi-insp-01\n").status == 0)
        let staff = try hub.logIn("rina.pu", "sandi-rina-01")
        let admin = PageClient(hub)
        #expect(try admin.logIn("admin.kota", "sandi-admin-01").status == 303)
        let page = try admin.get("/staff/accounts")
        #expect(page.status == 200)
        #expect(page.text.contains("action=\"/staff/accounts/rina.pu/disable\""))
        #expect(!page.text.contains("action=\"/staff/accounts/inspektur/"), "no buttons for an inspector")
        #expect(!page.text.contains("action=\"/staff/accounts/admin.kota/disable\""), "no disabling oneself")
        #expect(!page.text.contains("<option value=\"inspector\""), "the form offers no inspector role")
        let csrf = try #require(PageClient.csrf(page))

        let disabled = try admin.post("/staff/accounts/rina.pu/disable", form: [("csrf", csrf)])
        #expect(disabled.status == 303 && disabled.headers["Location"] == "/staff/accounts?done=disabled")
        #expect(try hub.get("/api/v1/staff/me", token: staff).status == 401)
        let after = try admin.get("/staff/accounts?done=disabled")
        #expect(after.text.contains("Akun dinonaktifkan") && after.text.contains("action=\"/staff/accounts/rina.pu/enable\""))
        #expect(try admin.post("/staff/accounts/rina.pu/password", form: [("csrf", csrf), ("password", "sandi-rina-baru")]).status == 303)
        #expect(try admin.post("/staff/accounts/rina.pu/enable", form: [("csrf", csrf)]).status == 303)
        #expect(try hub.post("/api/v1/staff/login", json: ["login": "rina.pu", "password": "sandi-rina-baru"]).status == 200)

        let inspector = try admin.post("/staff/accounts?lang=en", form: [("csrf", csrf), ("login", "inspektur.2"), ("password", "sandi-insp-02"),
                                                                         ("role", "inspector")])
        #expect(inspector.status == 403)
        #expect(inspector.text.contains("Inspector accounts are created and managed only by inspectors or the operator (hubctl)"))
        let touched = try admin.post("/staff/accounts/inspektur/disable", form: [("csrf", csrf)])
        #expect(touched.status == 403 && touched.text.contains("Akun inspektur hanya dibuat dan dikelola oleh inspektur"))
        #expect(try hub.post("/api/v1/staff/login", json: ["login": "inspektur", "password": "sandi-insp-01"]).status == 200)
        #expect(try admin.post("/staff/accounts/rina.pu/bogus", form: [("csrf", csrf)]).status == 404)
        #expect(try admin.post("/staff/accounts/rina.pu/disable", form: [("csrf", "basi")]).status != 303, "a stale form changes nothing")
    }
}
