import Foundation
import HTTP
import TestSupport
import Testing

/// The agency's desk disposes a case to a sub-unit (UPT); the sub-unit's staff see only what was
/// disposed to them; the citizen sees which unit has it, never who.
@Suite(.serialized)
struct SubUnitDispositionTests {
    static let accounts: [(login: String, password: String, arguments: [String])] = [
        ("meja.pu", "sandi-meja-001", ["--role", "staff", "--module", "public-works"]),
        ("pju.petugas", "sandi-pju-0001", ["--role", "staff", "--module", "public-works", "--sub-unit", "dpupr-pju"]),
        ("admin.kota", "sandi-admin-01", ["--role", "admin"]),
    ]

    func errorCode(_ response: HTTPResponse) -> String? {
        (response.jsonObject["error"] as? [String: Any])?["code"] as? String
    }

    func queueCodes(_ hub: RunningHub, _ query: String = "", token: String) throws -> [String] {
        let queue = try hub.get("/api/v1/staff/queue\(query)", token: token)
        #expect(queue.status == 200, "queue\(query): \(queue.text.prefix(200))")
        return (queue.jsonObject["cases"] as? [[String: Any]] ?? []).compactMap { $0["tracking_code"] as? String }
    }

    @Test func theDeskDisposesToAUnitWhoseStaffThenSeeAndWorkIt() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase())
        let listed = try hub.hubctl(["sub-unit", "list", "--agency", "dpupr"])
        #expect(listed.status == 0 && listed.output.contains("dpupr-pju\tdpupr\tUPT Penerangan Jalan Umum"))
        #expect(!listed.output.contains("dinsos-panti"))
        for account in Self.accounts {
            let made = try hub.hubctl(["user", "add", account.login] + account.arguments, input: account.password + "\n")
            #expect(made.status == 0, "hubctl user add \(account.login): \(made.output)")
        }
        let misplaced = try hub.hubctl(["user", "add", "panti.pu", "--role", "staff", "--module", "public-works",
                                        "--sub-unit", "dinsos-panti"], input: "sandi-panti-01\n")
        #expect(misplaced.status != 0 && misplaced.output.contains("dinsos-panti"))
        let added = try hub.hubctl(["sub-unit", "add", "dpupr-taman", "--agency", "dpupr", "--name-id", "UPT Pertamanan",
                                    "--name-en", "Parks unit"])
        #expect(added.status == 0, "\(added.output)")
        #expect(try hub.hubctl(["sub-unit", "add", "dpupr-taman", "--agency", "dpupr", "--name-id", "Lagi", "--name-en", "Again"])
            .status != 0)

        let desk = try hub.logIn("meja.pu", "sandi-meja-001")
        let unit = try hub.logIn("pju.petugas", "sandi-pju-0001")
        let code = try StaffPagesTests.dispatchedCase(hub, ["category": "pekerjaan-umum", "description": "Lampu jalan padam",
                                                            "kelurahan": "Sukamaju"])

        // Before disposal the unit sees nothing of it, over JSON or the pages.
        #expect(try hub.get("/api/v1/staff/cases/\(code)", token: unit).status == 404)
        #expect(try !queueCodes(hub, token: unit).contains(code))
        #expect(try queueCodes(hub, token: desk).contains(code))

        // Refusals change nothing.
        let foreign = try hub.post("/api/v1/staff/cases/\(code)/dispose", json: ["sub_unit": "dinsos-panti"], token: desk)
        #expect(foreign.status == 400 && errorCode(foreign) == "invalid_sub_unit")
        let missing = try hub.post("/api/v1/staff/cases/\(code)/dispose", json: [:], token: desk)
        #expect(missing.status == 400 && errorCode(missing) == "invalid_request")
        let blind = try hub.post("/api/v1/staff/cases/\(code)/dispose", json: ["sub_unit": "dpupr-pju"], token: unit)
        #expect(blind.status == 404, "the unit cannot dispose what it cannot see")
        #expect(try hub.get("/api/v1/staff/cases/\(code)", token: desk).jsonObject["sub_unit"] is NSNull)

        // The desk's case page offers the agency's units only.
        let page = try hub.request("GET", "/staff/cases/\(code)", headers: [("Cookie", "hub_session=\(desk)")])
        #expect(page.status == 200 && page.text.contains("id=\"action-dispose\""))
        #expect(page.text.contains("value=\"dpupr-taman\"") && !page.text.contains("value=\"dinsos-panti\""))

        let disposed = try hub.post("/api/v1/staff/cases/\(code)/dispose", json: ["sub_unit": "dpupr-pju"], token: desk)
        #expect(disposed.status == 200 && disposed.jsonObject["sub_unit"] as? String == "dpupr-pju")
        #expect(disposed.jsonObject["status"] as? String == "dispatched")

        // Now the unit sees and works it; it may not look into another unit's queue.
        #expect(try hub.get("/api/v1/staff/cases/\(code)", token: unit).status == 200)
        #expect(try queueCodes(hub, token: unit).contains(code))
        let passOn = try hub.post("/api/v1/staff/cases/\(code)/dispose", json: ["sub_unit": "dpupr-jalan"], token: unit)
        #expect(passOn.status == 403 && errorCode(passOn) == "forbidden_action", "a sub-unit does not pass cases on")
        // The case page words that refusal as the domain does (the sub-unit's own reason), not as a role refusal.
        let unitPages = PageClient(hub)
        #expect(try unitPages.logIn("pju.petugas", "sandi-pju-0001").status == 303)
        let unitToken = try #require(PageClient.csrf(try unitPages.get("/staff/cases/\(code)")))
        let passOnPage = try unitPages.post("/staff/cases/\(code)/dispose", form: [("csrf", unitToken), ("sub_unit", "dpupr-jalan")])
        #expect(passOnPage.status == 403 && passOnPage.text.contains("Akun unit pelaksana tidak mendisposisikan kasus."),
                "\(passOnPage.text.suffix(600))")
        let again = try hub.post("/api/v1/staff/cases/\(code)/dispose", json: ["sub_unit": "dpupr-pju"], token: desk)
        #expect(again.status == 400 && errorCode(again) == "invalid_sub_unit", "already there")
        let unknownUnit = try hub.get("/api/v1/staff/queue?sub_unit=tidak-ada", token: desk)
        #expect(unknownUnit.status == 400 && errorCode(unknownUnit) == "invalid_sub_unit")
        let otherUnit = try hub.get("/api/v1/staff/queue?sub_unit=dpupr-jalan", token: unit)
        #expect(otherUnit.status == 403 && errorCode(otherUnit) == "forbidden_sub_unit")
        #expect(try queueCodes(hub, "?sub_unit=dpupr-pju", token: desk).contains(code))
        #expect(try !queueCodes(hub, "?sub_unit=dpupr-jalan", token: desk).contains(code))
        // The desk's queue page filters by its agency's units; the unit's own page has nothing to choose.
        let deskQueue = try hub.request("GET", "/staff/?sub_unit=dpupr-pju", headers: [("Cookie", "hub_session=\(desk)")])
        #expect(deskQueue.status == 200 && deskQueue.text.contains("<option value=\"dpupr-pju\" selected>"))
        #expect(deskQueue.text.contains("/staff/cases/\(code)") && !deskQueue.text.contains("value=\"dinsos-panti\""))
        let unitQueue = try hub.request("GET", "/staff/", headers: [("Cookie", "hub_session=\(unit)")])
        #expect(unitQueue.text.contains("/staff/cases/\(code)") && !unitQueue.text.contains("name=\"sub_unit\""))
        let claimed = try hub.post("/api/v1/staff/cases/\(code)/claim", json: [:], token: unit)
        #expect(claimed.status == 200 && claimed.jsonObject["status"] as? String == "in_progress")

        // The citizen sees which unit has the case, never who.
        let view = try hub.get("/api/v1/complaints/\(code)")
        let events = view.jsonObject["timeline"] as? [[String: Any]] ?? []
        let disposal = try #require(events.first { $0["kind"] as? String == "disposed" })
        #expect(disposal["note"] as? String == "UPT Penerangan Jalan Umum" && disposal["actor_role"] as? String == "staff")
        for login in Self.accounts.map(\.login) { #expect(!view.text.contains(login)) }
        let english = try hub.get("/api/v1/complaints/\(code)?lang=en").jsonObject["timeline"] as? [[String: Any]] ?? []
        #expect(english.first { $0["kind"] as? String == "disposed" }?["note"] as? String == "Street lighting unit")
        #expect(try hub.get("/track/\(code)?lang=en").text.contains("Street lighting unit"))
        let tracking = try hub.get("/track/\(code)")
        #expect(tracking.text.contains("Diteruskan ke unit pelaksana") && tracking.text.contains("UPT Penerangan Jalan Umum"))

        // Admins bind new accounts to a unit over JSON too; the account says where it works.
        let admin = try hub.logIn("admin.kota", "sandi-admin-01")
        let made = try hub.post("/api/v1/staff/accounts", json: ["login": "taman.pu", "password": "sandi-taman-01", "role": "staff",
                                                                  "module": "public-works", "sub_unit": "dpupr-taman"], token: admin)
        #expect(made.status == 201 && made.jsonObject["sub_unit"] as? String == "dpupr-taman")
        // Those who see every module pick an agency's queue.
        let pu = try hub.request("GET", "/staff/?agency=dpupr", headers: [("Cookie", "hub_session=\(admin)")])
        #expect(pu.status == 200 && pu.text.contains("<option value=\"dpupr\" selected>") && pu.text.contains("/staff/cases/\(code)"))
        let social = try hub.request("GET", "/staff/?agency=dinsos", headers: [("Cookie", "hub_session=\(admin)")])
        #expect(social.status == 200 && !social.text.contains("/staff/cases/\(code)"))
        let unknown = try hub.request("GET", "/staff/?agency=khayalan", headers: [("Cookie", "hub_session=\(admin)")])
        #expect(unknown.status == 400 && unknown.text.contains("Dinas tidak dikenal."))
        let wrong = try hub.post("/api/v1/staff/accounts", json: ["login": "salah.pu", "password": "sandi-salah-01", "role": "staff",
                                                                   "module": "public-works", "sub_unit": "dishub-pkb"], token: admin)
        #expect(wrong.status == 400 && errorCode(wrong) == "invalid_account")
        #expect(try hub.get("/api/v1/staff/me", token: unit).jsonObject["sub_unit"] as? String == "dpupr-pju")
    }
}
