import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// Forwarding between agencies through the gateway, with the real services: public works forwards one
/// case to the social services office, which accepts it; another it returns; a third it lets lie until
/// its deadline, and the social module's sweeper sends it back. The citizen's timeline names the
/// agencies, never a person or a reason; bad requests are refused with their 4xx and store nothing.
@Suite(.serialized)
struct ForwardingTests {
    static let accounts: [(login: String, password: String, arguments: [String])] = [
        ("petugas.pu", "sandi-pu-0001", ["--role", "staff", "--module", "public-works"]),
        ("petugas.sosial", "sandi-sos-001", ["--role", "staff", "--module", "social"]),
        ("inspektur", "sandi-insp-01", ["--role", "inspector"]),
    ]
    static let forwardReason = "Lansia terlantar: kewenangan Dinas Sosial, bukan PU"
    static let returnReason = "Jembatannya yang retak: tetap urusan PU"

    func kinds(_ view: [String: Any]) -> [String] {
        (view["timeline"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
    }

    func lastEvent(_ view: [String: Any]) -> [String: Any] { (view["timeline"] as? [[String: Any]])?.last ?? [:] }

    func queue(_ hub: RunningHub, _ token: String) throws -> [String: String] {
        let cases = try hub.get("/api/v1/staff/queue", token: token).jsonObject["cases"] as? [[String: Any]] ?? []
        var statuses: [String: String] = [:]
        for item in cases { statuses[item["tracking_code"] as? String ?? ""] = item["status"] as? String }
        return statuses
    }

    /// Checks that the public view names neither an account nor a reason.
    func expectNothingInternal(_ hub: RunningHub, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for path in ["/api/v1/complaints/\(code)", "/track/\(code)"] {
            let text = try hub.get(path).text
            for secret in Self.accounts.map(\.login) + [Self.forwardReason, Self.returnReason] {
                #expect(!text.contains(secret), "GET \(path) shows \(secret)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func aForwardIsAcceptedAnotherReturnedAndAnUnansweredOneGoesBackByItself() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url, environment: ["HUB_SWEEP_SECONDS": "1"])
        for account in Self.accounts {
            let made = try hub.hubctl(["user", "add", account.login] + account.arguments, input: account.password + "\n")
            #expect(made.status == 0, "hubctl user add \(account.login): \(made.output)")
        }
        let publicWorks = try hub.logIn("petugas.pu", "sandi-pu-0001")
        let social = try hub.logIn("petugas.sosial", "sandi-sos-001")
        let database = try PostgresConnection(conninfo: url)

        func act(_ code: String, _ action: String, _ body: [String: Any] = [:], as token: String, expecting status: Int = 200)
            throws -> [String: Any] {
            let response = try hub.post("/api/v1/staff/cases/\(code)/\(action)", json: body, token: token)
            #expect(response.status == status, "POST /api/v1/staff/cases/{code}/\(action): \(response.text.prefix(300))")
            return response.jsonObject
        }
        func submit(_ description: String) throws -> String {
            try hub.submitted(["category": "pekerjaan-umum", "description": description, "kelurahan": "Sukamaju",
                               "confidential": false])
        }

        // 1. Public works forwards a case to the social services office: it waits in their queue.
        let accepted = try submit("Ada lansia tinggal di kolong jembatan")
        let forwarded = try act(accepted, "forward", ["agency": "dinsos", "reason": Self.forwardReason], as: publicWorks)
        #expect(forwarded["status"] as? String == "forwarded" && forwarded["agency"] as? String == "dinsos"
                && forwarded["module"] as? String == "social" && forwarded["forwarded_from"] as? String == "dpupr",
                "forward: the case after it, \(forwarded)")
        #expect(try queue(hub, social)[accepted] == "forwarded", "the receiving agency's queue lists the forwarded case")
        #expect(try hub.get("/api/v1/staff/cases/\(accepted)", token: publicWorks).status == 404, "it left public works")
        let publicView = try hub.get("/api/v1/complaints/\(accepted)").jsonObject
        #expect(publicView["status"] as? String == "forwarded")
        #expect(kinds(publicView) == ["submitted", "dispatched", "forwarded"])
        #expect(lastEvent(publicView)["note"] as? String == "Dinas Sosial" && lastEvent(publicView)["actor_role"] as? String == "staff",
                "the citizen reads which agency, by its public name: \(lastEvent(publicView))")
        let english = try hub.get("/api/v1/complaints/\(accepted)?lang=en").jsonObject
        #expect(lastEvent(english)["note"] as? String == "Social services office", "and in English: \(lastEvent(english))")

        // 2. The social services office accepts it: it is theirs to work, its history kept.
        let taken = try act(accepted, "accept-forward", as: social)
        #expect(taken["status"] as? String == "verified" && taken["agency"] as? String == "dinsos" && taken["forwarded_from"] is NSNull)
        let staffKinds = (taken["timeline"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(staffKinds == ["submitted", "dispatched", "forwarded", "note", "forward_accepted"], "the whole history: \(staffKinds)")
        #expect((taken["timeline"] as? [[String: Any]] ?? []).contains { $0["note"] as? String == Self.forwardReason && $0["public"] as? Bool == false },
                "the reason is on the internal timeline")
        #expect(try act(accepted, "claim", as: social)["status"] as? String == "in_progress")
        #expect(kinds(try hub.get("/api/v1/complaints/\(accepted)").jsonObject)
                == ["submitted", "dispatched", "forwarded", "forward_accepted", "claimed"])
        try expectNothingInternal(hub, accepted)

        // 3. Another forward is returned with a reason: back to public works, who work it.
        let returned = try submit("Jembatan retak, ada warga tidur di bawahnya")
        _ = try act(returned, "forward", ["agency": "dinsos", "reason": Self.forwardReason], as: publicWorks)
        let back = try act(returned, "return-forward", ["reason": Self.returnReason], as: social)
        #expect(back["status"] as? String == "verified" && back["agency"] as? String == "dpupr" && back["module"] as? String == "public-works")
        #expect(try hub.get("/api/v1/staff/cases/\(returned)", token: social).status == 404, "it left the social module")
        #expect(try act(returned, "claim", as: publicWorks)["status"] as? String == "in_progress")
        let returnedView = try hub.get("/api/v1/complaints/\(returned)").jsonObject
        #expect(kinds(returnedView) == ["submitted", "dispatched", "forwarded", "forward_returned", "claimed"])
        let returnEvent = (returnedView["timeline"] as? [[String: Any]] ?? [])[3]
        #expect(returnEvent["note"] as? String == "Dinas Pekerjaan Umum dan Penataan Ruang", "\(returnEvent)")
        try expectNothingInternal(hub, returned)

        // 4. A forward nobody answers: past the receiving agency's deadline the hub returns it by itself.
        let unanswered = try submit("Anak jalanan tidur di halte")
        _ = try act(unanswered, "forward", ["agency": "dinsos", "reason": Self.forwardReason], as: publicWorks)
        try database.query("update complaints set due_at = now() - interval '1 hour' where tracking_code = $1", [unanswered])
        let swept = try hub.waitForPublicView(unanswered, "the unanswered forward's return") { $0["status"] as? String == "verified" }
        #expect(kinds(swept) == ["submitted", "dispatched", "forwarded", "forward_returned"])
        #expect(lastEvent(swept)["actor_role"] as? String == "system")
        let held = try hub.get("/api/v1/staff/cases/\(unanswered)", token: publicWorks).jsonObject
        #expect(held["agency"] as? String == "dpupr" && held["status"] as? String == "verified" && held["due_at"] is String,
                "public works holds it again, with a deadline: \(held)")

        // 5. Bad requests: each refused with its own 4xx, and the case untouched.
        let untouched = try submit("Jalan berlubang di depan pasar")
        let refusals: [(String, [String: Any], String, Int, String)] = [
            ("forward", ["agency": "tidak-ada", "reason": "x"], publicWorks, 400, "unknown_agency"),
            ("forward", ["agency": "inspektorat", "reason": "x"], publicWorks, 400, "unknown_agency"),
            ("forward", ["agency": "dpupr", "reason": "x"], publicWorks, 400, "same_agency"),
            ("forward", ["reason": "x"], publicWorks, 400, "invalid_request"),
            ("forward", ["agency": "dinsos", "reason": " "], publicWorks, 409, "reason_required"),
            ("forward", ["agency": "dinsos", "reason": "x"], social, 404, "case_not_found"),
            ("forward", ["agency": "dinsos", "reason": "x"], try hub.logIn("inspektur", "sandi-insp-01"), 403, "forbidden_action"),
            ("accept-forward", [:], publicWorks, 409, "invalid_transition"),
            ("return-forward", ["reason": "x"], publicWorks, 409, "invalid_transition"),
        ]
        for (action, body, token, status, code) in refusals {
            let response = try hub.post("/api/v1/staff/cases/\(untouched)/\(action)", json: body, token: token)
            #expect(response.status == status && (response.jsonObject["error"] as? [String: Any])?["code"] as? String == code,
                    "\(action) \(body): \(response.status) \(response.text.prefix(200))")
        }
        let after = try database.query("""
            select c.status, c.agency_code, c.module_code, (select count(*)::int from complaint_events e where e.complaint_id = c.id) as events,
                   (select count(*)::int from audit_log a where a.complaint_id = c.id) as audited
              from complaints c where c.tracking_code = $1
            """, [untouched])[0]
        #expect(after["status"] == "dispatched" && after["agency_code"] == "dpupr" && after["module_code"] == "public-works")
        #expect(after["events"] == "2" && after["audited"] == "0", "nothing stored: \(after["events"] ?? "-") events, \(after["audited"] ?? "-") audited")
    }

    /// Two agencies worked at intake's desk, each by accounts bound to its own category: a forward
    /// from the civil registry to the health office takes the case into the health office's
    /// category, so that its staff see it in their queue and accept it (and the civil registry no
    /// longer does); a return brings it back to the civil registry's category and subcategory.
    @Test func aForwardBetweenDesksOfOneModuleReachesTheReceivingDesksStaffAndAReturnRestoresTheCategory() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        for (login, category) in [("petugas.capil", "kependudukan"), ("petugas.dinkes", "kesehatan")] {
            let made = try hub.hubctl(["user", "add", login, "--role", "staff", "--module", "intake", "--categories", category],
                                      input: "sandi-\(login)\n")
            #expect(made.status == 0, "hubctl user add \(login): \(made.output)")
        }
        let registry = try hub.logIn("petugas.capil", "sandi-petugas.capil")
        let health = try hub.logIn("petugas.dinkes", "sandi-petugas.dinkes")
        func act(_ code: String, _ action: String, _ body: [String: Any] = [:], as token: String) throws -> [String: Any] {
            let response = try hub.post("/api/v1/staff/cases/\(code)/\(action)", json: body, token: token)
            #expect(response.status == 200, "\(action): \(response.status) \(response.text.prefix(300))")
            return response.jsonObject
        }
        func submit(_ description: String) throws -> String {
            try hub.submitted(["category": "kependudukan", "subcategory": "akta-kelahiran", "description": description])
        }

        let accepted = try submit("Surat keterangan lahir dari puskesmas belum diberikan")
        let forwarded = try act(accepted, "forward", ["agency": "dinkes", "reason": "Surat keterangan lahir diterbitkan puskesmas"],
                                as: registry)
        #expect(forwarded["category"] as? String == "kesehatan" && forwarded["subcategory"] is NSNull
                && forwarded["agency"] as? String == "dinkes" && forwarded["module"] as? String == "intake", "\(forwarded)")
        #expect(try queue(hub, health)[accepted] == "forwarded", "the health office's staff find it in their queue")
        #expect(try hub.get("/api/v1/staff/cases/\(accepted)", token: registry).status == 404, "it left the civil registry")
        let taken = try act(accepted, "accept-forward", as: health)
        #expect(taken["status"] as? String == "verified" && taken["category"] as? String == "kesehatan")
        #expect(try act(accepted, "claim", as: health)["status"] as? String == "in_progress")

        let returned = try submit("KTP belum jadi setelah tiga bulan")
        _ = try act(returned, "forward", ["agency": "dinkes", "reason": "Dikira urusan kesehatan"], as: registry)
        let back = try act(returned, "return-forward", ["reason": "KTP urusan Disdukcapil"], as: health)
        #expect(back["category"] as? String == "kependudukan" && back["subcategory"] as? String == "akta-kelahiran"
                && back["agency"] as? String == "disdukcapil", "\(back)")
        #expect(try queue(hub, registry)[returned] == "verified" && queue(hub, health)[returned] == nil)
    }
}
