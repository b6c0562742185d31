import Foundation
import HTTP
import TestSupport
import Testing

/// The district admin's pages (`/staff/district`, `/staff/district/leave`) through the gateway with
/// intake, as a browser posts them: positions listed, an official created, a leave recorded that
/// moves the village head's step to the secretary and, cancelled, back; refusals come back on the
/// page with nothing stored; other roles are refused the pages.
@Suite(.serialized)
struct DistrictPagesTests {
    func waiting(_ regency: LetterRegency, _ login: String) throws -> [String] {
        (try regency.get("/api/v1/staff/letters", as: login).jsonObject["letters"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    }

    @Test func theDistrictAdminCreatesAnOfficialAndRecordsAndCancelsLeaveOnThePages() throws {
        let regency = try LetterRegency()
        let browser = PageClient(regency.hub)
        #expect(try browser.logIn("admin.sukasari", LetterRegency.password).status == 303)
        let positions = try browser.get("/staff/district")
        #expect(positions.status == 200)
        for login in ["kades.sukamaju", "fo.sukamulya", "camat.sukasari"] {
            #expect(positions.text.contains("<tr data-login=\"\(login)\">"), "\(login) is listed with their position")
        }
        let token = try #require(PageClient.csrf(positions))
        let accounts = "select count(*)::text as value from staff_accounts"
        let before = try regency.scalar(accounts)

        // An official of a desa of the kecamatan; a login taken comes back on the page, nothing stored.
        let official = [("csrf", token), ("login", "sekdes.sukamulya"), ("password", "sandi-sekdes-sukamulya"), ("role", "village_secretary"),
                        ("region", LetterRegency.sukamulya), ("name", "Wati Sekdes")]
        let made = try browser.post("/staff/district/accounts", form: official)
        #expect(made.status == 303 && made.headers["Location"] == "/staff/district?done=created", "\(made.status) \(made.text)")
        #expect(try browser.get("/staff/district").text.contains("<tr data-login=\"sekdes.sukamulya\">"))
        #expect(try !regency.hub.logIn("sekdes.sukamulya", "sandi-sekdes-sukamulya").isEmpty)
        let taken = try browser.post("/staff/district/accounts", form: official)
        #expect(taken.status == 409 && taken.text.contains("id=\"page-error\"") && taken.text.contains("value=\"sekdes.sukamulya\""),
                "\(taken.status)")
        #expect(!taken.text.contains("sandi-sekdes-sukamulya"), "the password is not typed back into the page")
        #expect(try regency.scalar(accounts) == String(Int(before ?? "0")! + 1))

        // The village head on leave today: their step waits on the secretary's desk.
        let code = try regency.enter("domisili", fields: LetterRegency.domisili)
        try regency.act(code, "pass", by: "sekdes.sukamaju")
        #expect(try waiting(regency, "kades.sukamaju") == [code])
        let today = try #require(try regency.scalar("select to_char(now() at time zone 'Asia/Jakarta', 'YYYY-MM-DD') as value"))
        #expect(try browser.get("/staff/district/leave").text.contains("id=\"no-leave\""))
        let backwards = try browser.post("/staff/district/leave", form: [("csrf", token), ("login", "kades.sukamaju"), ("from", today),
                                                                         ("to", "2000-01-01"), ("stand_in", "sekdes.sukamaju")])
        #expect(backwards.status == 400 && backwards.text.contains("id=\"page-error\""))
        #expect(try regency.scalar("select count(*)::text as value from staff_leave") == "0")
        let recorded = try browser.post("/staff/district/leave", form: [("csrf", token), ("login", "kades.sukamaju"), ("from", today),
                                                                        ("to", today), ("stand_in", "sekdes.sukamaju")])
        #expect(recorded.status == 303 && recorded.headers["Location"] == "/staff/district/leave?done=recorded", "\(recorded.text)")
        let listed = try browser.get("/staff/district/leave").text
        let id = try #require(try regency.scalar("select id::text as value from staff_leave"))
        #expect(listed.contains("<tr data-leave=\"\(id)\">") && listed.contains("Budi Santoso (kades.sukamaju)"))
        #expect(try waiting(regency, "kades.sukamaju").isEmpty, "the head on leave holds no letter")
        #expect(try waiting(regency, "sekdes.sukamaju") == [code])

        // Cancelled on the page, the step is the head's again.
        let cancelled = try browser.post("/staff/district/leave/\(id)/cancel", form: [("csrf", token)])
        #expect(cancelled.status == 303 && cancelled.headers["Location"] == "/staff/district/leave?done=cancelled")
        #expect(try waiting(regency, "kades.sukamaju") == [code] && waiting(regency, "sekdes.sukamaju").isEmpty)
        #expect(try regency.scalar("select count(*)::text as value from audit_log where action like 'leave.%'") == "2")

        // A form without its token, and another role, are refused.
        #expect(try browser.post("/staff/district/leave/\(id)/cancel", form: [("csrf", "bukan-token")]).status == 403)
        let camat = PageClient(regency.hub)
        #expect(try camat.logIn("camat.sukasari", LetterRegency.password).status == 303)
        #expect(try camat.get("/staff/district").status == 403)
        #expect(try camat.get("/staff/district/leave").status == 403)
    }
}
