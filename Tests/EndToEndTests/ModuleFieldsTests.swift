import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// What the specialised modules add, through their real executables: their own fields with their
/// rules, confidential fields, verified village officials, and KIR appointment slots.
@Suite(.serialized)
struct ModuleFieldsTests {
    func submitted(_ hub: RunningHub, _ body: [String: Any], until status: String = "dispatched") throws -> String {
        let created = try hub.post("/api/v1/complaints", json: body)
        let code = try #require(created.jsonObject["tracking_code"] as? String, "\(created.text)")
        try hub.waitForStatus(code, status)
        return code
    }

    func details(_ hub: RunningHub, _ code: String, _ fields: [String: Any], _ token: String) throws -> HTTPResponse {
        try hub.post("/api/v1/staff/cases/\(code)/details", json: ["fields": fields], token: token)
    }

    func errorCode(_ response: HTTPResponse) -> String? {
        (response.jsonObject["error"] as? [String: Any])?["code"] as? String
    }

    @Test func modulesKeepTheirOwnFieldsAndRules() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        for (login, role, module) in [("pu.staf", "staff", "public-works"), ("sos.staf", "staff", "social"),
                                      ("kir.staf", "staff", "kir"), ("kir.spv", "supervisor", "kir"), ("insp", "inspector", "-")] {
            var arguments = ["user", "add", login, "--role", role]
            if module != "-" { arguments += ["--module", module] }
            #expect(try hub.hubctl(arguments, input: "sandi-modul-01\n").status == 0)
        }
        let pu = try hub.logIn("pu.staf", "sandi-modul-01")

        // Public works: a streetlight proposal enters the work programme only after a feasible survey.
        let proposal = try submitted(hub, ["category": "pekerjaan-umum", "description": "Usul PJU baru di gang buntu"])
        #expect(errorCode(try details(hub, proposal, ["programme": "accepted"], pu)) == "invalid_field")
        #expect(errorCode(try details(hub, proposal, ["asset_kind": "tower"], pu)) == "invalid_field")
        #expect(errorCode(try details(hub, proposal, ["plate": "B 1 A"], pu)) == "invalid_field", "another module's field")
        #expect(try details(hub, proposal, ["asset_kind": "streetlight", "proposal": "new", "feasibility": "pending"], pu).status == 200)
        #expect(errorCode(try details(hub, proposal, ["feasibility": "feasible"], pu)) == "invalid_field", "a result needs its date")
        #expect(errorCode(try details(hub, proposal, ["programme": "accepted"], pu)) == "invalid_field", "not surveyed yet")
        #expect(try details(hub, proposal, ["feasibility": "feasible", "survey_date": "2026-11-30"], pu).status == 200)
        let accepted = try details(hub, proposal, ["programme": "accepted"], pu)
        #expect(accepted.status == 200)
        #expect(accepted.jsonObject["module_fields"] as? [String: String] == [
            "asset_kind": "streetlight", "proposal": "new", "feasibility": "feasible", "survey_date": "2026-11-30", "programme": "accepted",
        ])
        // The case page says what is wrong in the reader's language, keeping what was chosen.
        let browser = PageClient(hub)
        #expect(try browser.logIn("pu.staf", "sandi-modul-01").status == 303)
        let plain = try submitted(hub, ["category": "pekerjaan-umum", "description": "Lampu taman padam"])
        let page = try browser.get("/staff/cases/\(plain)")
        let refused = try browser.post("/staff/cases/\(plain)/details", form: [("csrf", PageClient.csrf(page) ?? ""),
                                                                             ("field.feasibility", "pending")])
        #expect(refused.status == 400)
        #expect(refused.text.contains("Survei kelayakan dan program kerja hanya untuk usulan PJU"))
        let english = try browser.post("/staff/cases/\(plain)/details?lang=en", form: [("csrf", PageClient.csrf(page) ?? ""),
                                                                                     ("field.feasibility", "pending")])
        #expect(english.text.contains("feasibility and programme belong to a streetlight proposal"))

        // Fields are internal: the public view and timeline carry none of them.
        let publicText = try hub.get("/api/v1/complaints/\(proposal)").text
        #expect(!publicText.contains("feasib") && !publicText.contains("module_fields"))
        let events = try PostgresConnection(conninfo: url).query("""
            select count(*)::int as n from complaint_events e join complaints c on c.id = e.complaint_id
             where c.tracking_code = $1 and e.kind = 'details_updated' and not e.public
            """, [proposal])
        #expect(try events[0].decode("n", as: Int.self) == 3, "one event per accepted change")

        // Social: the person in need is confidential to the social module; inspectors see the rest.
        let social = try hub.logIn("sos.staf", "sandi-modul-01")
        let sosial = try submitted(hub, ["category": "sosial", "description": "Lansia tinggal sendiri tanpa makanan"])
        #expect(try details(hub, sosial, ["pmks_kind": "neglected_elderly", "person_name": "Mbah Sarinah", "person_age": "81"],
                            social).status == 200)
        let ownView = try hub.get("/api/v1/staff/cases/\(sosial)", token: social).jsonObject["module_fields"] as? [String: String]
        #expect(ownView?["person_name"] == "Mbah Sarinah")
        let inspector = try hub.logIn("insp", "sandi-modul-01")
        let inspectorView = try hub.get("/api/v1/staff/cases/\(sosial)", token: inspector)
        #expect(inspectorView.jsonObject["module_fields"] as? [String: String] == ["pmks_kind": "neglected_elderly"])
        #expect(!inspectorView.text.contains("Sarinah"))
        #expect(try details(hub, sosial, ["pmks_kind": "homeless"], inspector).status == 403, "inspectors do not do the agency's work")

        // KIR: a slot takes no more bookings than its capacity; the appointment shows on the public timeline.
        let kirStaff = try hub.logIn("kir.staf", "sandi-modul-01")
        let supervisor = try hub.logIn("kir.spv", "sandi-modul-01")
        #expect(try hub.post("/api/v1/staff/kir/slots", json: ["starts_at": "2030-01-07T09:00:00+07:00", "capacity": 1],
                             token: kirStaff).status == 403, "staff do not open slots")
        let slot = try hub.post("/api/v1/staff/kir/slots", json: ["starts_at": "2030-01-07T09:00:00+07:00", "capacity": 1],
                                token: supervisor)
        #expect(slot.status == 201)
        let slotID = try #require(slot.jsonObject["id"] as? Int)
        let first = try submitted(hub, ["category": "perhubungan", "description": "Minta jadwal uji berkala angkot"])
        let second = try submitted(hub, ["category": "perhubungan", "description": "Minta jadwal uji pertama truk"])
        #expect(try details(hub, first, ["plate": "D 1234 ABC", "test_type": "periodic"], kirStaff).status == 200)
        #expect(errorCode(try details(hub, first, ["result": "pass", "plate": nil], kirStaff)) == "invalid_field")
        #expect(try hub.post("/api/v1/staff/kir/bookings", json: ["tracking_code": first, "slot_id": slotID], token: kirStaff).status == 200)
        let full = try hub.post("/api/v1/staff/kir/bookings", json: ["tracking_code": second, "slot_id": slotID], token: kirStaff)
        #expect(full.status == 409)
        #expect(errorCode(full) == "slot_full")
        let slots = try hub.get("/api/v1/staff/kir/slots", token: kirStaff).jsonObject["slots"] as? [[String: Any]]
        #expect(slots?.first?["free"] as? Int == 0)
        let notes = (try hub.get("/api/v1/complaints/\(first)").jsonObject["timeline"] as? [[String: Any]])?.compactMap { $0["note"] as? String }
        #expect(notes?.contains("Jadwal uji KIR: 2030-01-07 09.00 WIB / KIR test appointment") == true)
        #expect(try hub.post("/api/v1/staff/kir/bookings", json: ["tracking_code": first, "slot_id": slotID], token: pu).status == 403)
    }

    @Test func publicWorksPlansShiftsRoundTheClock() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase())
        for (login, role, module) in [("jaga.pagi", "staff", "public-works"), ("jaga.spv", "supervisor", "public-works"),
                                      ("sos.lain", "staff", "social")] {
            #expect(try hub.hubctl(["user", "add", login, "--role", role, "--module", module], input: "sandi-jaga-01\n").status == 0)
        }
        let supervisor = try hub.logIn("jaga.spv", "sandi-jaga-01")
        let staff = try hub.logIn("jaga.pagi", "sandi-jaga-01")
        let now = Date()
        func stamp(_ offset: Double) -> String { PostgresTimestamp.format(now.addingTimeInterval(offset)) }
        let current = try hub.post("/api/v1/staff/roster", json: ["login": "jaga.pagi", "starts_at": stamp(-3600), "ends_at": stamp(7 * 3600)],
                                   token: supervisor)
        #expect(current.status == 201, "\(current.text)")
        #expect(try hub.post("/api/v1/staff/roster", json: ["login": "jaga.spv", "starts_at": stamp(8 * 3600), "ends_at": stamp(16 * 3600)],
                             token: supervisor).status == 201)
        let overlap = try hub.post("/api/v1/staff/roster", json: ["login": "jaga.pagi", "starts_at": stamp(6 * 3600),
                                                                  "ends_at": stamp(10 * 3600)], token: supervisor)
        #expect(overlap.status == 409)
        #expect(try hub.post("/api/v1/staff/roster", json: ["login": "jaga.pagi", "starts_at": stamp(0), "ends_at": stamp(30 * 3600)],
                             token: supervisor).status == 400, "longer than a day")
        #expect(try hub.post("/api/v1/staff/roster", json: ["login": "sos.lain", "starts_at": stamp(20 * 3600), "ends_at": stamp(22 * 3600)],
                             token: supervisor).status == 400, "not public works")
        #expect(try hub.post("/api/v1/staff/roster", json: ["login": "jaga.pagi", "starts_at": stamp(20 * 3600), "ends_at": stamp(22 * 3600)],
                             token: staff).status == 403, "staff read the roster, supervisors plan it")
        let roster = try hub.get("/api/v1/staff/roster", token: staff).jsonObject
        #expect((roster["on_duty"] as? [[String: Any]])?.compactMap { $0["login"] as? String } == ["jaga.pagi"])
        #expect((roster["upcoming"] as? [[String: Any]])?.compactMap { $0["login"] as? String } == ["jaga.spv"])
        #expect(try hub.get("/api/v1/staff/roster", token: try hub.logIn("sos.lain", "sandi-jaga-01")).status == 403)
    }

    @Test func reportsOfVerifiedVillageOfficialsSkipVerification() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase())
        let registered = try hub.hubctl(["verified-reporter", "add", "Bapak Lurah Sukamaju", "--position", "Lurah",
                                         "--kelurahan", "Sukamaju", "--phone", "0812-3456-7890"])
        #expect(registered.status == 0, "\(registered.output)")
        #expect(try hub.hubctl(["verified-reporter", "list"]).output.contains("Bapak Lurah Sukamaju"))
        let trusted = try submitted(hub, ["category": "pekerjaan-umum", "description": "PJU padam di balai desa",
                                          "contact": ["phone": "+62 812 3456 7890"]], until: "verified")
        let kinds = (try hub.get("/api/v1/complaints/\(trusted)").jsonObject["timeline"] as? [[String: Any]])?
            .compactMap { $0["kind"] as? String }
        #expect(kinds == ["submitted", "dispatched", "verified"])
        // Anyone else waits for the staff to verify.
        let ordinary = try submitted(hub, ["category": "pekerjaan-umum", "description": "PJU padam di pasar",
                                           "contact": ["phone": "0812 9999 0000"]])
        usleep(300_000)
        #expect(try hub.get("/api/v1/complaints/\(ordinary)").jsonObject["status"] as? String == "dispatched")
    }
}
