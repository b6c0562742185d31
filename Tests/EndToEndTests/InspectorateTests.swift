import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// A report of pungli in licensing, with the real services: intake sends it straight to the
/// inspectorate; the accused agency's people (licensing staff, the general desk, its supervisor) and
/// the admin never see it in any answer, not even in a count; inspectors investigate, record findings
/// and decide, and the citizen reads a public outcome that names no official.
@Suite(.serialized)
struct InspectorateTests {
    static let inspectors: [(login: String, password: String)] = [("inspektur.satu", "sandi-insp-01"), ("inspektur.dua", "sandi-insp-02")]
    /// The accused agency's people (dpmptsp works perizinan at intake's desk) and the admin.
    static let others: [(login: String, password: String, arguments: [String])] = [
        ("petugas.izin", "sandi-izin-01", ["--role", "staff", "--module", "intake", "--categories", "perizinan"]),
        ("petugas.meja", "sandi-meja-01", ["--role", "staff", "--module", "intake"]),
        ("supervisor.meja", "sandi-sup-001", ["--role", "supervisor", "--module", "intake"]),
        ("admin.hub", "sandi-admin-01", ["--role", "admin"]),
    ]
    static let mark = "PUNGLI-RAHASIA-7731"
    static let witness = "saksi.pungli@example.id"
    static let findings = "Rekaman percakapan dengan pejabat loket membenarkan permintaan uang"
    static let publicNote = "Pungutan terbukti; sanksi disiplin telah dijatuhkan dan uang dikembalikan."

    @Test func aPungliReportIsTheInspectoratesAloneAndEndsWithAPublicOutcome() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        for account in Self.others {
            let made = try hub.hubctl(["user", "add", account.login] + account.arguments, input: account.password + "\n")
            #expect(made.status == 0, "hubctl user add \(account.login): \(made.output)")
        }
        for inspector in Self.inspectors {
            let made = try hub.hubctl(["user", "add", inspector.login, "--role", "inspector"], input: inspector.password + "\n")
            #expect(made.status == 0, "hubctl user add \(inspector.login): \(made.output)")
        }
        var tokens: [String: String] = [:]
        for account in Self.others { tokens[account.login] = try hub.logIn(account.login, account.password) }
        let inspector = try hub.logIn(Self.inspectors[0].login, Self.inspectors[0].password)
        let colleague = try hub.logIn(Self.inspectors[1].login, Self.inspectors[1].password)
        let database = try PostgresConnection(conninfo: url)

        /// Every answer the accused side can ask for that lists or counts cases.
        func answers(_ login: String) throws -> [(String, HTTPResponse)] {
            let token = tokens[login]!
            var listed: [(String, HTTPResponse)] = []
            for path in ["/api/v1/staff/queue", "/api/v1/staff/queue?status=dispatched", "/api/v1/staff/queue?category=perizinan",
                         "/api/v1/staff/queue?module=intake"] {
                listed.append((path, try hub.get(path, token: token)))
            }
            listed.append(("/staff/", try hub.request("GET", "/staff/", headers: [("Cookie", "hub_session=\(token)")])))
            return listed
        }
        func counts(_ login: String) throws -> String {
            let queue = try hub.get("/api/v1/staff/queue", token: tokens[login]!).jsonObject
            let counts = try JSONSerialization.data(withJSONObject: queue["counts"] ?? [:], options: .sortedKeys)
            return "\(queue["count"] ?? "-") \(String(decoding: counts, as: UTF8.self))"
        }

        // An ordinary licensing complaint, so the accused agency's queue is not empty anyway.
        let ordinary = try hub.submitted(["category": "perizinan", "subcategory": "izin-usaha", "description": "Izin usaha lambat"])
        let before = try Self.others.map { try counts($0.login) }

        // 1. The citizen reports pungli at the licensing office, asking for a public report: intake
        //    sends it to the inspectorate's queue, confidential.
        let created = try hub.post("/api/v1/complaints", json: [
            "category": "perizinan", "subcategory": "pungutan-liar", "confidential": false, "anonymous": false,
            "description": "Petugas loket minta uang pelicin Rp500.000 \(Self.mark)", "kecamatan": "Coblong",
            "contact": ["email": Self.witness],
        ])
        #expect(created.status == 201, "POST /api/v1/complaints: \(created.text)")
        let code = try #require(created.jsonObject["tracking_code"] as? String)
        let dispatched = try hub.waitForStatus(code)
        #expect(!(dispatched["description"] is String), "the public view keeps the report confidential: \(dispatched)")
        let due = try database.query("select due_at > now() + interval '80 days' as far, agency_code, inspectorate from complaints where tracking_code = $1",
                                     [code])[0]
        #expect(due["far"] == "t" && due["agency_code"] == "inspektorat" && due["inspectorate"] == "t",
                "the inspectorate's 60 working days, its agency: \(due)")
        let inspectorQueue = try hub.get("/api/v1/staff/queue?inspectorate=true", token: inspector).jsonObject["cases"] as? [[String: Any]] ?? []
        #expect(inspectorQueue.contains { $0["tracking_code"] as? String == code }, "the inspectorate's queue lists it")

        // 2. The accused agency and the admin see nothing of it: not in a queue, a count, a page or a case.
        for account in Self.others {
            #expect(try counts(account.login) == before[Self.others.firstIndex { $0.login == account.login }!],
                    "\(account.login): the counts did not change")
            for (path, response) in try answers(account.login) {
                #expect(response.status == 200, "\(account.login) GET \(path): \(response.status)")
                #expect(!response.text.contains(code) && !response.text.contains(Self.mark), "\(account.login) GET \(path) shows the report")
            }
            let hidden = try hub.get("/api/v1/staff/cases/\(code)", token: tokens[account.login]!)
            let unknown = try hub.get("/api/v1/staff/cases/ABCDEFGHJKMNP", token: tokens[account.login]!)
            #expect(hidden.status == 404 && hidden.text.replacingOccurrences(of: code, with: "ABCDEFGHJKMNP") == unknown.text,
                    "\(account.login) GET /api/v1/staff/cases/{code}: \(hidden.status) \(hidden.text)")
            let page = try hub.request("GET", "/staff/cases/\(code)", headers: [("Cookie", "hub_session=\(tokens[account.login]!)")])
            #expect(page.status == 404 && !page.text.contains(Self.mark), "\(account.login) GET /staff/cases/{code}")
            for (action, body) in [("investigate", [:]), ("decide", ["outcome": "not_substantiated", "public_note": "Tidak terbukti."]),
                                   ("claim", [:]), ("reject", ["reason": "Fitnah"])] as [(String, [String: Any])] {
                let response = try hub.post("/api/v1/staff/cases/\(code)/\(action)", json: body, token: tokens[account.login]!)
                #expect(response.status == 404, "\(account.login) POST .../\(action): \(response.status) \(response.text.prefix(200))")
            }
        }
        for path in ["/open311/v2/requests.json", "/open311/v2/requests.xml", "/api/v1/complaints/\(code)", "/track/\(code)"] {
            let text = try hub.get(path).text
            #expect(!text.contains(Self.mark) && !text.contains(Self.witness), "GET \(path) shows the report's words or its witness")
        }

        // 3. Inspectors work it to the end; bad input first, which stores nothing.
        let audited = { try database.query("select count(*)::int as n from audit_log a join complaints c on c.id = a.complaint_id where c.tracking_code = $1",
                                           [code])[0]["n"] }
        for (action, body, status, errorCode) in [
            ("decide", ["outcome": "not_substantiated", "public_note": "Belum diperiksa."], 409, "invalid_transition"),
            ("findings", ["note": "Terlalu dini."], 409, "invalid_transition"),
        ] as [(String, [String: Any], Int, String)] {
            let response = try hub.post("/api/v1/staff/cases/\(code)/\(action)", json: body, token: inspector)
            #expect(response.status == status && (response.jsonObject["error"] as? [String: Any])?["code"] as? String == errorCode,
                    "inspector \(action) before the investigation: \(response.status) \(response.text.prefix(200))")
        }
        let opened = try hub.post("/api/v1/staff/cases/\(code)/investigate", json: [:], token: inspector)
        #expect(opened.status == 200 && opened.jsonObject["status"] as? String == "in_progress", "investigate: \(opened.text.prefix(300))")
        let noted = try hub.post("/api/v1/staff/cases/\(code)/findings", json: ["note": Self.findings], token: colleague)
        #expect(noted.status == 200 && noted.jsonObject["status"] as? String == "in_progress", "findings: \(noted.text.prefix(300))")
        let auditedBefore = try audited()
        for (body, status, errorCode) in [
            (["outcome": "guilty", "public_note": Self.publicNote], 400, "invalid_outcome"),
            (["public_note": Self.publicNote], 400, "invalid_outcome"),
            (["outcome": "substantiated", "public_note": "  "], 409, "note_required"),
        ] as [([String: Any], Int, String)] {
            let response = try hub.post("/api/v1/staff/cases/\(code)/decide", json: body, token: inspector)
            #expect(response.status == status && (response.jsonObject["error"] as? [String: Any])?["code"] as? String == errorCode,
                    "inspector decide \(body): \(response.status) \(response.text.prefix(200))")
        }
        #expect(try audited() == auditedBefore, "the refused decisions stored nothing")
        #expect(try hub.get("/api/v1/complaints/\(code)").jsonObject["status"] as? String == "in_progress")
        let decided = try hub.post("/api/v1/staff/cases/\(code)/decide", json: ["outcome": "substantiated", "public_note": Self.publicNote],
                                   token: inspector)
        #expect(decided.status == 200 && decided.jsonObject["status"] as? String == "closed", "decide: \(decided.text.prefix(300))")

        // 4. The citizen reads the outcome: the inspectorate's role, its word, no official and no findings.
        let view = try hub.get("/api/v1/complaints/\(code)").jsonObject
        let timeline = view["timeline"] as? [[String: Any]] ?? []
        #expect(view["status"] as? String == "closed")
        #expect(timeline.compactMap { $0["kind"] as? String } == ["submitted", "dispatched", "investigation_opened", "decided"])
        #expect(timeline.last?["note"] as? String == "Terbukti: \(Self.publicNote)" && timeline.last?["actor_role"] as? String == "inspector",
                "the public outcome: \(timeline.last ?? [:])")
        for path in ["/api/v1/complaints/\(code)", "/track/\(code)", "/track/\(code)?lang=en"] {
            let text = try hub.get(path).text
            for secret in Self.inspectors.map(\.login) + [Self.findings, Self.mark, Self.witness] {
                #expect(!text.contains(secret), "GET \(path) shows \(secret)")
            }
        }
        let outcome = try database.query("""
            select e.details->>'outcome' as outcome from complaint_events e join complaints c on c.id = e.complaint_id
             where c.tracking_code = $1 and e.kind = 'decided'
            """, [code])
        #expect(outcome.count == 1 && outcome.first?["outcome"] == "substantiated")
        // And the accused agency still sees nothing, the ordinary case as before.
        #expect(try hub.get("/api/v1/staff/cases/\(ordinary)", token: tokens["petugas.izin"]!).status == 200)
        #expect(try hub.get("/api/v1/staff/cases/\(code)", token: tokens["petugas.izin"]!).status == 404)
    }
}
