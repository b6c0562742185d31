import Foundation
import HTTP
import TestSupport
import Testing

/// The queue and the case page as an officer works them, through the real services: the search
/// narrows the queue and says "1–1 dari 1", claiming names the holder and says "Kasus diambil.",
/// and rejecting from the page needs its confirmation even from a client that skips the browser's check.
struct StaffWorkingPagesTests {
    @Test func anOfficerSearchesClaimsAndMustConfirmARejection() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase())
        #expect(try hub.hubctl(["user", "add", "rina.pu", "--role", "staff", "--module", "public-works"], input: "sandi-rina-01\n").status == 0)
        let bridge = try StaffPagesTests.dispatchedCase(hub, ["category": "pekerjaan-umum", "description": "Jembatan kayu retak di ujung desa"])
        let drain = try StaffPagesTests.dispatchedCase(hub, ["category": "pekerjaan-umum", "description": "Selokan meluap setiap hujan"])
        let browser = PageClient(hub)
        #expect(try browser.logIn("rina.pu", "sandi-rina-01").status == 303)

        let searched = try browser.get("/staff/?q=JEMBATAN+kayu")
        #expect(searched.status == 200)
        #expect(searched.text.contains("data-code=\"\(bridge)\"") && !searched.text.contains("data-code=\"\(drain)\""))
        #expect(searched.text.contains("<p id=\"range\">1–1 dari 1</p>"))
        #expect(searched.text.contains("<td class=\"snippet\">Jembatan kayu retak di ujung desa</td>"))
        let tooShort = try browser.get("/staff/?q=ab")
        #expect(tooShort.status == 400 && tooShort.text.contains("Kata pencarian harus 3 sampai 200 karakter."))

        let page = try browser.get("/staff/cases/\(bridge)")
        #expect(page.text.contains("<p id=\"holder\">Belum ada yang memegang kasus ini.</p>"))
        let token = try #require(PageClient.csrf(page))
        let claimed = try browser.post("/staff/cases/\(bridge)/claim", form: [("csrf", token)])
        #expect(claimed.headers["Location"] == "/staff/cases/\(bridge)?done=claim")
        let after = try browser.get("/staff/cases/\(bridge)?done=claim")
        #expect(after.text.contains("Kasus diambil.") && after.text.contains("<p id=\"holder\">Dipegang oleh: <strong>rina.pu</strong></p>"))
        let mine = try browser.get("/staff/?assignee=me")
        #expect(mine.text.contains("data-code=\"\(bridge)\"") && !mine.text.contains("data-code=\"\(drain)\""))
        #expect(mine.text.contains("<td class=\"holder\">rina.pu</td>"))

        let unconfirmed = try browser.post("/staff/cases/\(drain)/reject", form: [("csrf", token), ("reason", "Bukan wewenang dinas")])
        #expect(unconfirmed.status == 400)
        #expect(unconfirmed.text.contains("Centang konfirmasi dulu: tindakan ini mengakhiri kasus."))
        #expect(unconfirmed.text.contains(">Bukan wewenang dinas</textarea>"), "what was typed is kept")
        #expect(try hub.get("/api/v1/complaints/\(drain)").jsonObject["status"] as? String == "dispatched")
        let confirmed = try browser.post("/staff/cases/\(drain)/reject",
                                         form: [("csrf", token), ("reason", "Bukan wewenang dinas"), ("confirm", "yes")])
        #expect(confirmed.headers["Location"] == "/staff/cases/\(drain)?done=reject")
        #expect(try browser.get("/staff/cases/\(drain)?done=reject").text.contains("Kasus ditolak; pelapor diberi tahu."))
        #expect(try hub.get("/api/v1/complaints/\(drain)").jsonObject["status"] as? String == "rejected")
    }
}
