import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// One complaint's whole life across two modules: public works lets its deadline pass, the sweeper
/// escalates it by itself, an inspector moves it to social services, social staff and their
/// validator work it (one rejected follow-up), the citizen reopens it once and finally accepts it.
/// At every step the public view shows the expected status and timeline and no identity; at the end
/// the audit log holds one row per staff and inspector action.
@Suite(.serialized)
struct CrossModuleJourneyTests {
    static let accounts: [(login: String, password: String, arguments: [String])] = [
        ("petugas.pu", "sandi-pu-0001", ["--role", "staff", "--module", "public-works"]),
        ("petugas.sosial", "sandi-sos-001", ["--role", "staff", "--module", "social"]),
        ("validator.sosial", "sandi-val-001", ["--role", "validator", "--module", "social"]),
        ("inspektur", "sandi-insp-01", ["--role", "inspector"]),
    ]
    static let reporterEmail = "ibu.sari@example.id"
    static let reporterPhone = "081355577799"
    /// Words that are internal: they must never reach the public view.
    static let moveReason = "Bukan kewenangan PU: warga rentan perlu dinas sosial"
    static let followUpRejection = "Belum ada bukti serah terima bantuan"

    func timeline(_ view: [String: Any]) -> [[String: Any]] { view["timeline"] as? [[String: Any]] ?? [] }

    func kinds(_ view: [String: Any]) -> [String] { timeline(view).compactMap { $0["kind"] as? String } }

    /// Reads the public view and checks it after `step`: its status, its timeline kinds, and that it
    /// names no account and carries neither the reporter's contact nor an internal note.
    @discardableResult
    func expectPublic(_ hub: RunningHub, _ code: String, after step: String, status: String, kinds expected: [String],
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let response = try hub.get("/api/v1/complaints/\(code)")
        #expect(response.status == 200, "after \(step): GET /api/v1/complaints/{code}", sourceLocation: sourceLocation)
        let view = response.jsonObject
        #expect(view["status"] as? String == status, "after \(step): public status", sourceLocation: sourceLocation)
        #expect(kinds(view) == expected, "after \(step): public timeline kinds", sourceLocation: sourceLocation)
        let text = response.text
        for secret in Self.accounts.map(\.login) + [Self.reporterEmail, Self.reporterPhone, Self.moveReason, Self.followUpRejection] {
            #expect(!text.contains(secret), "after \(step): the public view shows \(secret)", sourceLocation: sourceLocation)
        }
        let roles = Set(timeline(view).compactMap { $0["actor_role"] as? String })
        #expect(roles.isSubset(of: ["citizen", "system", "staff", "supervisor", "validator", "inspector", "admin"]),
                "after \(step): actor roles \(roles.sorted())", sourceLocation: sourceLocation)
        return view
    }

    @Test func aComplaintCrossesFromPublicWorksToSocialThroughEscalationAndBackToTheCitizen() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url, environment: ["HUB_SWEEP_SECONDS": "1"])
        for account in Self.accounts {
            let made = try hub.hubctl(["user", "add", account.login] + account.arguments, input: account.password + "\n")
            #expect(made.status == 0, "hubctl user add \(account.login): \(made.output)")
        }
        let publicWorksStaff = try hub.logIn("petugas.pu", "sandi-pu-0001")
        let socialStaff = try hub.logIn("petugas.sosial", "sandi-sos-001")
        let socialValidator = try hub.logIn("validator.sosial", "sandi-val-001")
        let inspector = try hub.logIn("inspektur", "sandi-insp-01")
        let database = try PostgresConnection(conninfo: url)

        /// One staff or inspector action through the gateway; answers the staff view of the case, whose
        /// status is one of `statuses`.
        func act(_ code: String, _ action: String, _ body: [String: Any]? = nil, as token: String, _ who: String,
                 expecting statuses: String...) throws -> [String: Any] {
            let response = try hub.post("/api/v1/staff/cases/\(code)/\(action)", json: body ?? [:], token: token)
            #expect(response.status == 200, "\(who) POST /api/v1/staff/cases/{code}/\(action): \(response.text.prefix(300))")
            #expect(statuses.contains(response.jsonObject["status"] as? String ?? ""),
                    "\(who) \(action): status in the answer, \(response.jsonObject["status"] ?? "nil")")
            return response.jsonObject
        }
        /// The citizen's answer to a resolution.
        func feedback(_ code: String, _ body: [String: Any], expecting status: String) throws {
            let response = try hub.post("/api/v1/complaints/\(code)/feedback", json: body)
            #expect(response.status == 200, "citizen POST /api/v1/complaints/{code}/feedback \(body): \(response.text.prefix(300))")
            #expect(response.jsonObject["status"] as? String == status, "citizen feedback \(body): status in the answer")
        }

        // 1. A citizen submits a public-works complaint; public works takes it into its queue.
        let created = try hub.post("/api/v1/complaints", json: [
            "category": "pekerjaan-umum", "description": "Ada lansia tinggal di bawah jembatan yang retak, Jl. Cempaka",
            "kelurahan": "Sukamaju", "anonymous": false, "confidential": false,
            "contact": ["name": "Sari", "email": Self.reporterEmail, "phone": Self.reporterPhone],
        ])
        #expect(created.status == 201, "citizen POST /api/v1/complaints: \(created.text)")
        let code = try #require(created.jsonObject["tracking_code"] as? String)
        try hub.waitForPublicView(code, "dispatch to public works") { $0["status"] as? String == "dispatched" }
        var expected = ["submitted", "dispatched"]
        try expectPublic(hub, code, after: "submission", status: "dispatched", kinds: expected)

        // 2. Public-works staff verify and claim it.
        _ = try act(code, "verify", as: publicWorksStaff, "staff(public-works)", expecting: "verified")
        expected.append("verified")
        try expectPublic(hub, code, after: "verify", status: "verified", kinds: expected)
        _ = try act(code, "claim", as: publicWorksStaff, "staff(public-works)", expecting: "in_progress")
        expected.append("claimed")
        try expectPublic(hub, code, after: "claim", status: "in_progress", kinds: expected)

        // 3. Time passes: the follow-up deadline is missed, and the module's sweeper escalates the case
        //    to the supervisor step by itself.
        try database.query("update complaints set due_at = now() - interval '1 hour' where tracking_code = $1", [code])
        let swept = try hub.waitForPublicView(code, "overdue escalation") { view in
            self.kinds(view).count > 4
        }
        expected.append("escalated")
        #expect(kinds(swept) == expected, "sweeper: public timeline kinds")
        let overdueEvent = timeline(swept).last ?? [:]
        #expect(overdueEvent["kind"] as? String == "escalated" && overdueEvent["actor_role"] as? String == "system",
                "sweeper: the escalation is the system's, \(overdueEvent)")
        try expectPublic(hub, code, after: "overdue escalation", status: "in_progress", kinds: expected)
        let newDeadline = (swept["due_at"] as? String).flatMap { PostgresTimestamp.parse($0.replacingOccurrences(of: "T", with: " ")) }
        #expect(newDeadline.map { $0 > Date() } == true, "sweeper: the supervisor gets a new deadline, \(swept["due_at"] ?? "nil")")
        let escalatedCase = try hub.get("/api/v1/staff/cases/\(code)", token: publicWorksStaff).jsonObject
        #expect(escalatedCase["priority"] as? String == "high", "staff(public-works) GET /api/v1/staff/cases/{code}: priority after step 1")
        #expect(escalatedCase["escalation_level"] as? Int == 1, "staff(public-works) GET /api/v1/staff/cases/{code}: escalation level")
        let step = try database.query("""
            select c.overdue_step::int as step, e.details->>'escalation' as escalation, e.details->>'step' as event_step
              from complaints c join complaint_events e on e.complaint_id = c.id and e.kind = 'escalated'
             where c.tracking_code = $1
            """, [code])
        #expect(step.count == 1, "sweeper: exactly one overdue escalation")
        if step.count == 1 {
            #expect(try step[0].decode("step", as: Int.self) == 1, "complaints.overdue_step after the sweep")
            #expect(step[0]["escalation"] == "overdue" && step[0]["event_step"] == "1", "the escalated event's details")
        }

        // 4. An inspector moves it to social services; it travels through the message table to the
        //    social module, received again and then dispatched, keeping its history. The answer is read
        //    after the commit, so the social module may have dispatched it already.
        let moved = try act(code, "escalate", ["category": "sosial", "reason": Self.moveReason], as: inspector, "inspector",
                            expecting: "received", "dispatched")
        #expect(moved["module"] as? String == "social" && moved["category"] as? String == "sosial", "inspector escalate: new owner")
        let arrived = try hub.waitForPublicView(code, "dispatch to social") { view in
            view["status"] as? String == "dispatched" && view["category"] as? String == "sosial"
        }
        expected += ["escalated", "dispatched"]
        #expect(kinds(arrived) == expected, "after the move: public timeline kinds")
        let moveEvent = timeline(arrived).dropLast().last ?? [:]
        #expect(moveEvent["actor_role"] as? String == "inspector" && moveEvent["status"] as? String == "received",
                "after the move: the escalation is the inspector's and the case is received again, \(moveEvent)")
        #expect(timeline(arrived).last?["actor_role"] as? String == "system", "after the move: the social module dispatched it")
        try expectPublic(hub, code, after: "the move to social", status: "dispatched", kinds: expected)
        #expect(try hub.get("/api/v1/staff/cases/\(code)", token: publicWorksStaff).status == 404,
                "staff(public-works) GET /api/v1/staff/cases/{code}: the case left their module")
        let socialView = try hub.get("/api/v1/staff/cases/\(code)", token: socialStaff).jsonObject
        let socialKinds = (socialView["timeline"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(Array(socialKinds.prefix(4)) == ["submitted", "dispatched", "verified", "claimed"],
                "staff(social) GET /api/v1/staff/cases/{code}: the public-works history is kept, \(socialKinds)")
        #expect((socialView["timeline"] as? [[String: Any]] ?? []).contains { $0["note"] as? String == Self.moveReason },
                "staff(social) GET /api/v1/staff/cases/{code}: the inspector's reason is on the internal timeline")
        #expect(socialView["priority"] as? String == "high", "staff(social) GET /api/v1/staff/cases/{code}: priority kept")
        #expect((socialView["reporter"] as? [String: Any])?["email"] as? String == Self.reporterEmail,
                "staff(social) GET /api/v1/staff/cases/{code}: the new owner sees the named reporter")

        // 5. Social staff claim it and ask for validation with a note.
        _ = try act(code, "claim", as: socialStaff, "staff(social)", expecting: "in_progress")
        expected.append("claimed")
        try expectPublic(hub, code, after: "social claim", status: "in_progress", kinds: expected)
        _ = try act(code, "request-validation", ["note": "Bantuan sembako sudah disalurkan"], as: socialStaff, "staff(social)",
                    expecting: "awaiting_validation")
        expected.append("validation_requested")
        try expectPublic(hub, code, after: "first request for validation", status: "awaiting_validation", kinds: expected)

        // 6. The validator rejects the follow-up once (internal), staff ask again, the validator validates.
        _ = try act(code, "reject-follow-up", ["reason": Self.followUpRejection], as: socialValidator, "validator(social)",
                    expecting: "in_progress")
        try expectPublic(hub, code, after: "rejected follow-up", status: "in_progress", kinds: expected)
        _ = try act(code, "request-validation", ["note": "Bukti serah terima dilampirkan"], as: socialStaff, "staff(social)",
                    expecting: "awaiting_validation")
        expected.append("validation_requested")
        try expectPublic(hub, code, after: "second request for validation", status: "awaiting_validation", kinds: expected)
        _ = try act(code, "validate", as: socialValidator, "validator(social)", expecting: "resolved")
        expected.append("validated")
        let validated = try expectPublic(hub, code, after: "validate", status: "resolved", kinds: expected)
        #expect(timeline(validated).last?["actor_role"] as? String == "validator", "after validate: the validator's event")

        // 7. The citizen is not satisfied and reopens it; staff resolve again; the citizen accepts.
        try feedback(code, ["rating": 1, "reason": "Bantuan belum sampai ke tangan ibu saya"], expecting: "in_progress")
        expected.append("reopened")
        let reopened = try expectPublic(hub, code, after: "reopen", status: "in_progress", kinds: expected)
        #expect(timeline(reopened).last?["actor_role"] as? String == "citizen", "after reopen: the citizen's event")
        _ = try act(code, "resolve", ["note": "Bantuan diantar langsung ke rumah"], as: socialStaff, "staff(social)",
                    expecting: "resolved")
        expected.append("resolved")
        try expectPublic(hub, code, after: "second resolution", status: "resolved", kinds: expected)
        try feedback(code, ["rating": 5, "reason": "Terima kasih"], expecting: "closed")
        expected.append("accepted")
        try expectPublic(hub, code, after: "acceptance", status: "closed", kinds: expected)
        let trackingPage = try hub.get("/track/\(code)").text
        for secret in Self.accounts.map(\.login) + [Self.reporterEmail, Self.moveReason, Self.followUpRejection] {
            #expect(!trackingPage.contains(secret), "GET /track/{code}: the tracking page shows \(secret)")
        }

        // 8. The audit log: one row per staff and inspector action, with the status before and after.
        let audit = try database.query("""
            select a.action, a.role, s.login, a.before->>'status' as before_status, a.after->>'status' as after_status,
                   a.before->>'module' as before_module, a.after->>'module' as after_module
              from audit_log a join complaints c on c.id = a.complaint_id
              left join staff_accounts s on s.id = a.account_id
             where c.tracking_code = $1
             order by a.id
            """, [code])
        let rows = (0..<audit.count).map { index -> [String] in
            let row = audit[index]
            return [row["action"] ?? "-", row["role"] ?? "-", row["login"] ?? "-", row["before_status"] ?? "-", row["after_status"] ?? "-"]
        }
        let staffRows = rows.filter { $0[1] != "citizen" }
        #expect(staffRows == [
            ["verify", "staff", "petugas.pu", "dispatched", "verified"],
            ["claim", "staff", "petugas.pu", "verified", "in_progress"],
            ["escalate", "inspector", "inspektur", "in_progress", "received"],
            ["claim", "staff", "petugas.sosial", "dispatched", "in_progress"],
            ["request_validation", "staff", "petugas.sosial", "in_progress", "awaiting_validation"],
            ["reject_follow_up", "validator", "validator.sosial", "awaiting_validation", "in_progress"],
            ["request_validation", "staff", "petugas.sosial", "in_progress", "awaiting_validation"],
            ["validate", "validator", "validator.sosial", "awaiting_validation", "resolved"],
            ["resolve", "staff", "petugas.sosial", "in_progress", "resolved"],
        ], "audit_log: staff and inspector actions, got \(staffRows)")
        #expect(rows.filter { $0[1] == "citizen" }.map { [$0[0], $0[2], $0[3], $0[4]] }
                == [["reopen", "-", "resolved", "in_progress"], ["accept", "-", "resolved", "closed"]],
                "audit_log: the citizen's answers, without an account")
        let move = (0..<audit.count).map { audit[$0] }.first { $0["action"] == "escalate" }
        #expect(move?["before_module"] == "public-works" && move?["after_module"] == "social", "audit_log: the move's modules")
    }
}
