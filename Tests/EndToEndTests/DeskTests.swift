import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// The walk-in desk end to end: the intake channels it offers, the JSON path and the staff pages
/// that record which one a complaint came through, and the receipt.
@Suite(.serialized)
struct DeskTests {
    static func rows(_ url: String, _ sql: String) throws -> [[String: String?]] {
        let result = try PostgresConnection(conninfo: url).query(sql)
        return result.map { row in Dictionary(uniqueKeysWithValues: result.columns.map { ($0, row[$0]) }) }
    }

    @Test func theJSONDeskRecordsTheIntakeChannelAndRefusesAnUnknownOneStoringNothing() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        #expect(try hub.hubctl(["user", "add", "loket.2", "--role", "staff", "--module", "intake"], input: "loket-sandi-2\n").status == 0)
        #expect(try hub.hubctl(["user", "add", "validator.2", "--role", "validator", "--module", "intake"],
                               input: "validator-sandi-2\n").status == 0)
        let staff = try hub.logIn("loket.2", "loket-sandi-2")

        let listed = try hub.get("/api/v1/staff/desk/channels", token: staff)
        #expect(listed.status == 200)
        let channels = try #require(listed.jsonObject["channels"] as? [[String: Any]])
        #expect(channels.count == 16 && channels.first?["code"] as? String == "tatap-muka-balai-kota")
        #expect(try hub.get("/api/v1/staff/desk/channels", token: hub.logIn("validator.2", "validator-sandi-2")).status == 403)

        let stored = try hub.post("/api/v1/staff/desk/complaints", json: [
            "category": "kependudukan", "description": "Surat pindah belum terbit", "intake_channel": "surat",
        ], token: staff)
        #expect(stored.status == 201, "\(stored.text)")
        let code = try #require(stored.jsonObject["tracking_code"] as? String)
        let recorded = try Self.rows(url, """
            select i.intake_channel_code, c.channel_code, a.after->>'intake_channel' as audited
              from complaints c join complaint_intake_channels i on i.complaint_id = c.id
              join audit_log a on a.complaint_id = c.id and a.action = 'desk_submission'
             where c.tracking_code = '\(code)'
            """)
        #expect(recorded.count == 1)
        #expect(recorded.first?["intake_channel_code"] == "surat" && recorded.first?["channel_code"] == "desk")
        #expect(recorded.first?["audited"] == "surat")

        let before = try Self.rows(url, "select count(*)::text as n from complaints").first?["n"]
        let refused = try hub.post("/api/v1/staff/desk/complaints", json: [
            "category": "kependudukan", "description": "Lewat burung merpati", "intake_channel": "merpati",
        ], token: staff)
        #expect(refused.status == 400)
        #expect((refused.jsonObject["error"] as? [String: Any])?["code"] as? String == "unknown_intake_channel")
        // A channel retired in the table is refused like an unknown one.
        try PostgresConnection(conninfo: url).query("update intake_channels set active = false where code = 'media-massa'")
        let retired = try hub.post("/api/v1/staff/desk/complaints", json: [
            "category": "kependudukan", "description": "Dari berita koran", "intake_channel": "media-massa",
        ], token: staff)
        #expect(retired.status == 400, "\(retired.text)")
        #expect(try Self.rows(url, "select count(*)::text as n from complaints").first?["n"] == before, "nothing stored")
        #expect(try Self.rows(url, "select count(*)::text as n from complaint_intake_channels").first?["n"] == "1")
    }

    @Test func staffEnterAVisitorsComplaintOnTheDeskPageAndPrintItsReceipt() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url, environment: ["HUB_PUBLIC_URL": "https://lapor.example.go.id"])
        #expect(try hub.hubctl(["user", "add", "loket.3", "--role", "staff", "--module", "intake"], input: "loket-sandi-3\n").status == 0)
        #expect(try hub.hubctl(["user", "add", "inspektur.3", "--role", "inspector"], input: "inspektur-sandi-3\n").status == 0)
        let browser = PageClient(hub)
        #expect(try browser.get("/staff/desk").headers["Location"] == "/staff/login?next=%2Fstaff%2Fdesk")
        #expect(try browser.logIn("loket.3", "loket-sandi-3").status == 303)
        let page = try browser.get("/staff/desk")
        #expect(page.status == 200)
        #expect(page.text.contains("<option value=\"tatap-muka-balai-kota\" selected>"))
        let csrf = try #require(PageClient.csrf(page))
        let form: [(String, String)] = [("csrf", csrf), ("form_token", "desk-form-token-0001"), ("intake_channel", "telepon"),
                                         ("category", "kesehatan"), ("description", "Puskesmas tutup pada jam layanan"),
                                         ("name", "Ibu Wati"), ("phone", "081234567890")]

        // A stale form stores nothing.
        #expect(try browser.post("/staff/desk", form: form.map { $0.0 == "csrf" ? ("csrf", "palsu") : $0 }).status == 403)
        // An unknown channel comes back at the top of the filled-in form, and stores nothing.
        let unknown = try browser.post("/staff/desk", form: form.map { $0.0 == "intake_channel" ? ($0.0, "merpati") : $0 })
        #expect(unknown.status == 400)
        #expect(unknown.text.contains("<li><a href=\"#intake_channel\">"))
        #expect(unknown.text.contains(">Puskesmas tutup pada jam layanan</textarea>"))
        let missing = try browser.post("/staff/desk", form: form.filter { $0.0 != "description" })
        #expect(missing.status == 400 && missing.text.contains("<li><a href=\"#description\">"))
        #expect(try Self.rows(url, "select count(*)::text as n from complaints").first?["n"] == "0")

        let stored = try browser.post("/staff/desk", form: form)
        #expect(stored.status == 303)
        let location = try #require(stored.headers["Location"])
        #expect(location.hasPrefix("/staff/desk/receipts/"))
        let code = String(location.dropFirst("/staff/desk/receipts/".count))
        let receipt = try browser.get(location)
        #expect(receipt.status == 200)
        #expect(receipt.text.contains("data-code=\"\(code)\""))
        #expect(receipt.text.contains("https://lapor.example.go.id/track/\(code)"))
        #expect(receipt.text.contains("<dd id=\"agency\">"))
        #expect(!receipt.text.contains("081234567890") && !receipt.text.contains("Ibu Wati"), "the receipt holds no contact")
        let row = try #require(try Self.rows(url, """
            select c.channel_code, i.intake_channel_code, r.phone, a.role
              from complaints c join complaint_intake_channels i on i.complaint_id = c.id
              join complaint_reporters r on r.complaint_id = c.id
              join audit_log a on a.complaint_id = c.id and a.action = 'desk_submission'
             where c.tracking_code = '\(code)'
            """).first)
        #expect(row["channel_code"] == "desk" && row["intake_channel_code"] == "telepon" && row["phone"] == "081234567890")
        #expect(row["role"] == "staff")
        // The same form sent twice (a double click) stores one complaint.
        #expect(try browser.post("/staff/desk", form: form).headers["Location"] == location)

        // Inspectors judge the work of others: they enter nothing at the desk.
        let inspector = PageClient(hub)
        #expect(try inspector.logIn("inspektur.3", "inspektur-sandi-3").status == 303)
        #expect(try inspector.get("/staff/desk").status == 403)
        #expect(try inspector.get(location).status == 403)
    }

    @Test func theConfirmationPageNamesTheAgencyAndTheNextStep() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase())
        let created = try hub.post("/api/v1/complaints", json: ["category": "kesehatan", "description": "Antrean obat terlalu lama"])
        let code = try #require(created.jsonObject["tracking_code"] as? String)
        let page = try hub.get("/track/\(code)?new=1")
        #expect(page.status == 200)
        #expect(page.text.contains("<dd id=\"agency\">"))
        #expect(page.text.contains("<dd id=\"next-step\" data-step=\"verification\">"))
        #expect(page.text.contains("Layanan ini belum mengirim kabar"), "no notification channel: check the tracking page")
        #expect(!(try hub.get("/track/\(code)").text.contains("id=\"confirmation\"")))
    }
}
