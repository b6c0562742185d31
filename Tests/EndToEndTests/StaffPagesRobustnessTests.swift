import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// The staff pages when something goes wrong: errors as pages, refusals in Indonesian first, forms
/// sent after the session ended, and finding a case by a code read out on the phone.
@Suite(.serialized)
struct StaffPagesRobustnessTests {
    /// A page, not the JSON error body: HTML, never cached.
    static func expectPage(_ response: HTTPResponse, _ status: Int, _ what: String) {
        #expect(response.status == status, "\(what): \(response.status) \(response.text.prefix(300))")
        #expect(response.headers["Content-Type"]?.hasPrefix("text/html") == true, "\(what): \(response.headers["Content-Type"] ?? "-")")
        #expect(response.headers["Cache-Control"] == "no-store", "\(what)")
        #expect(response.text.hasPrefix("<!doctype html>"), "\(what): \(response.text.prefix(200))")
    }

    /// Whether the page is inside the staff frame of a signed-in account (its logout form).
    static func inFrame(_ response: HTTPResponse) -> Bool { response.text.contains("action=\"/staff/logout") }

    static func multipart(_ parts: [(name: String, filename: String?, body: [UInt8])]) -> (contentType: String, body: [UInt8]) {
        var body: [UInt8] = []
        for part in parts {
            let disposition = "form-data; name=\"\(part.name)\"" + (part.filename.map { "; filename=\"\($0)\"" } ?? "")
            body += Array("--batas-uji\r\nContent-Disposition: \(disposition)\r\n\r\n".utf8) + part.body + Array("\r\n".utf8)
        }
        return ("multipart/form-data; boundary=batas-uji", body + Array("--batas-uji--\r\n".utf8))
    }

    @Test func errorsOnStaffPagesArePagesWithTheirStatusAndServerErrorsQuoteTheRequestID() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        #expect(try hub.hubctl(["user", "add", "rina.pu", "--role", "staff", "--module", "public-works"], input: "sandi-rina-01\n").status == 0)
        let code = try StaffPagesTests.dispatchedCase(hub, ["category": "pekerjaan-umum", "description": "Gorong-gorong tersumbat"])

        // Without a session: a body the login form cannot read is a plain page leading to the login page.
        let stranger = PageClient(hub)
        let unreadable = try stranger.send("POST", "/staff/login", headers: [("Content-Type", "text/plain")], body: Array("login=x".utf8))
        Self.expectPage(unreadable, 415, "POST /staff/login as text/plain")
        #expect(unreadable.text.contains("Formulir terkirim dalam bentuk yang tidak dikenal."))
        #expect(unreadable.text.contains("href=\"/staff/login\""))
        #expect(!Self.inFrame(unreadable))
        let unreadableEN = try stranger.send("POST", "/staff/login?lang=en", headers: [("Content-Type", "text/plain")], body: [])
        Self.expectPage(unreadableEN, 415, "POST /staff/login?lang=en as text/plain")
        #expect(unreadableEN.text.contains("The form arrived in a shape this page does not read."))
        #expect(unreadableEN.text.contains("href=\"/staff/login?lang=en\""))

        // With a session: a broken or too large form is a page inside the frame, and nothing is done.
        let browser = PageClient(hub)
        #expect(try browser.logIn("rina.pu", "sandi-rina-01").status == 303)
        let token = try #require(PageClient.csrf(try browser.get("/staff/cases/\(code)")))
        let broken = try browser.send("POST", "/staff/cases/\(code)/claim", headers: [("Content-Type", "multipart/form-data; boundary=batas-uji")],
                                      body: Array("bukan multipart".utf8))
        Self.expectPage(broken, 400, "a malformed multipart claim")
        #expect(broken.text.contains("Formulir tidak terbaca. Muat ulang halaman lalu coba lagi."))
        #expect(Self.inFrame(broken) && broken.text.contains("rina.pu"))
        let large = Self.multipart([("csrf", nil, Array(token.utf8)), ("note", nil, Array("Sudah ditangani".utf8)),
                                    ("photos", "besar.jpg", [UInt8](repeating: 0xFF, count: 7 << 20))])
        let tooLarge = try browser.send("POST", "/staff/cases/\(code)/resolve", headers: [("Content-Type", large.contentType)], body: large.body)
        Self.expectPage(tooLarge, 413, "a resolve with a 7 MB part")
        #expect(tooLarge.text.contains("Kiriman terlalu besar."))
        #expect(Self.inFrame(tooLarge))
        #expect(try hub.get("/api/v1/complaints/\(code)").jsonObject["status"] as? String == "dispatched")

        // A failure of the database is a 500 page saying so, with the request id, logged under that id.
        let database = try PostgresConnection(conninfo: url)
        try database.execute("alter table categories rename to categories_away")
        let failed = try browser.get("/staff/", headers: [("X-Request-Id", "uji-halaman-500")])
        Self.expectPage(failed, 500, "GET /staff/ without the categories table")
        #expect(failed.text.contains("Terjadi kesalahan di server. Silakan coba lagi sebentar lagi."))
        #expect(failed.text.contains("<code id=\"request-id\">uji-halaman-500</code>"))
        #expect(Self.inFrame(failed), "the session still reads, so the page keeps the frame")
        #expect(!failed.text.contains("categories_away") && !failed.text.contains("PostgreSQL"), "nothing internal leaks")
        let failedEN = try browser.get("/staff/?lang=en", headers: [("X-Request-Id", "uji-halaman-500-en")])
        Self.expectPage(failedEN, 500, "GET /staff/?lang=en without the categories table")
        #expect(failedEN.text.contains("Something went wrong on the server. Please try again in a moment."))
        #expect(failedEN.text.contains("uji-halaman-500-en"))
        let log = hub.log("public-works", once: "uji-halaman-500-en")
        let line = log.split(separator: "\n").first { $0.contains("\"handler failed\"") && $0.contains("uji-halaman-500") }
        #expect(line?.contains("\"level\":\"error\"") == true, "the failure is logged as an error: \(log.suffix(600))")
        #expect(line?.contains("categories") == true, "with the database's reason: \(String(line ?? ""))")
        try database.execute("alter table categories_away rename to categories")
        #expect(try browser.get("/staff/").status == 200)

        // A case's photo is an image, not a page: its errors keep the JSON shape of the other resources.
        let photo = try stranger.get("/staff/cases/\(code)/photos/1")
        #expect(photo.status == 401)
        #expect(photo.jsonObject["error"] != nil)
    }

    @Test func refusedFiltersAndAccountFormsSpeakIndonesianFirst() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase())
        #expect(try hub.hubctl(["user", "add", "rina.pu", "--role", "staff", "--module", "public-works", "--categories", "pekerjaan-umum",
                                "--area", "Sukajadi"], input: "sandi-rina-01\n").status == 0)
        #expect(try hub.hubctl(["user", "add", "admin.kota", "--role", "admin"], input: "sandi-admin-01\n").status == 0)
        let code = try StaffPagesTests.dispatchedCase(hub, ["category": "pekerjaan-umum", "description": "Lampu jalan mati", "kelurahan": "Sukajadi"])
        let staff = PageClient(hub)
        #expect(try staff.logIn("rina.pu", "sandi-rina-01").status == 303)

        let filters: [(query: String, status: Int, id: String, en: String)] = [
            ("status=selesai", 400, "Status tidak dikenal.", "Unknown status."),
            ("priority=sangat", 400, "Prioritas harus salah satu dari: rendah, normal, tinggi, mendesak.", "Priority must be one of low, normal, high, urgent."),
            ("module=air-minum", 400, "Modul tidak dikenal.", "Unknown module."),
            ("overdue=ya", 400, "Saringan “lewat batas waktu” hanya boleh true atau false.", "The overdue filter must be true or false."),
            ("inspectorate=true", 403, "Antrean inspektorat hanya untuk inspektur.", "The inspectorate queue is for inspectors."),
            ("module=social", 403, "Akun Anda hanya bekerja di modulnya sendiri.", "Your account works its own module only."),
            ("area=Cibiru", 400, "Wilayah harus kode Kemendagri kecamatan (35.03.01) atau kelurahan/desa (35.03.01.2001).",
             "area must be the Kemendagri code of a kecamatan (35.03.01) or desa/kelurahan (35.03.01.2001)."),
            ("category=sosial", 403, "Akun Anda tidak menangani kategori itu.", "Your account does not work that category."),
        ]
        for filter in filters {
            let page = try staff.get("/staff/?\(filter.query)")
            Self.expectPage(page, filter.status, "GET /staff/?\(filter.query)")
            #expect(page.text.contains(HTMLText.escape(filter.id)), "GET /staff/?\(filter.query): \(page.text.suffix(400))")
            #expect(!page.text.contains(HTMLText.escape(filter.en)))
            let english = try staff.get("/staff/?\(filter.query)&lang=en")
            #expect(english.status == filter.status)
            #expect(english.text.contains(HTMLText.escape(filter.en)), "GET /staff/?\(filter.query)&lang=en")
        }

        // A case action whose generic code means one thing on its form.
        let token = try #require(PageClient.csrf(try staff.get("/staff/cases/\(code)")))
        let duplicate = try staff.post("/staff/cases/\(code)/duplicate", form: [("csrf", token), ("duplicate_of", "bukan kode!")])
        #expect(duplicate.status == 400)
        #expect(duplicate.text.contains("Kode kasus induk harus berupa kode pelacakan."))

        let admin = PageClient(hub)
        #expect(try admin.logIn("admin.kota", "sandi-admin-01").status == 303)
        let adminToken = try #require(PageClient.csrf(try admin.get("/staff/accounts")))
        let forms: [(fields: [(String, String)], status: Int, id: String, en: String)] = [
            ([("login", "tanpa.sandi"), ("password", ""), ("role", "staff")], 400,
             "Nama akun dan kata sandi wajib diisi.", "A login and a password are required."),
            ([("login", "peran.aneh"), ("password", "sandi-baru-01"), ("role", "kepala")], 400,
             "Pilih salah satu peran yang tersedia.", "Choose one of the roles offered."),
            ([("login", "sandi.pendek"), ("password", "pendek"), ("role", "validator")], 400,
             "kata sandi paling sedikit 8 karakter", "a password of at least 8 characters"),
            ([("login", "rina.pu"), ("password", "sandi-baru-01"), ("role", "validator")], 409,
             "Nama akun itu sudah dipakai.", "That login is taken already."),
            ([("login", "kategori.aneh"), ("password", "sandi-baru-01"), ("role", "validator"), ("categories", "bukan-kategori")], 400,
             "Kategori tidak dikenal.", "Unknown category."),
        ]
        for form in forms {
            let page = try admin.post("/staff/accounts", form: [("csrf", adminToken)] + form.fields)
            Self.expectPage(page, form.status, "POST /staff/accounts \(form.fields)")
            #expect(page.text.contains(HTMLText.escape(form.id)), "POST /staff/accounts \(form.fields): \(page.text.prefix(600))")
            let english = try admin.post("/staff/accounts?lang=en", form: [("csrf", adminToken)] + form.fields)
            #expect(english.text.contains(HTMLText.escape(form.en)), "POST /staff/accounts?lang=en \(form.fields)")
        }
    }

    @Test func aFormSentAfterTheSessionEndedKeepsWhatWasTypedAndTheLoginLeadsBack() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        #expect(try hub.hubctl(["user", "add", "rina.pu", "--role", "staff", "--module", "public-works"], input: "sandi-rina-01\n").status == 0)
        #expect(try hub.hubctl(["user", "add", "admin.kota", "--role", "admin"], input: "sandi-admin-01\n").status == 0)
        let code = try StaffPagesTests.dispatchedCase(hub, ["category": "pekerjaan-umum", "description": "Trotoar ambles"])

        // The case page is open in one tab; the officer logs out in another, then sends the note.
        let browser = PageClient(hub)
        #expect(try browser.logIn("rina.pu", "sandi-rina-01").status == 303)
        let token = try #require(PageClient.csrf(try browser.get("/staff/cases/\(code)")))
        let stale = browser.cookies
        #expect(try browser.post("/staff/logout", form: [("csrf", token)]).status == 303)
        browser.cookies = stale
        let note = "Warga minta dihubungi sore hari <RT 03>\nbawa foto"
        let ended = try browser.post("/staff/cases/\(code)/notes", form: [("csrf", token), ("note", note), ("public", "true")])
        Self.expectPage(ended, 401, "a note sent after logging out")
        #expect(ended.text.contains("Sesi Anda telah berakhir."))
        #expect(ended.text.contains("readonly>\n\(HTMLText.escape(note))</textarea>"), "the note is there to copy: \(ended.text)")
        #expect(ended.text.contains("action=\"/staff/login?next=%2Fstaff%2Fcases%2F\(code)\""))
        #expect(ended.headers.values("Set-Cookie").contains { $0.hasPrefix("hub_login_csrf=") && $0.contains("Path=/staff/login") })
        let notes = try PostgresConnection(conninfo: url).query("""
            select count(*)::int as n from complaint_events e join complaints c on c.id = e.complaint_id
             where c.tracking_code = $1 and e.kind = 'note'
            """, [code])
        #expect(try notes.first?.decode("n", as: Int.self) == 0)

        // Logging in with that very form leads back to the case.
        browser.cookies["hub_session"] = nil
        let back = try browser.post("/staff/login?next=%2Fstaff%2Fcases%2F\(code)",
                                    form: [("csrf", PageClient.csrf(ended) ?? ""), ("login", "rina.pu"), ("password", "sandi-rina-01")])
        #expect(back.status == 303)
        #expect(back.headers["Location"] == "/staff/cases/\(code)")
        #expect(try browser.get("/staff/cases/\(code)").status == 200)

        // In English the same, and the language stays through the login.
        let englishToken = try #require(PageClient.csrf(try browser.get("/staff/cases/\(code)?lang=en")))
        browser.cookies["hub_session"] = nil
        let endedEN = try browser.post("/staff/cases/\(code)/reject?lang=en", form: [("csrf", englishToken), ("reason", "Bukan wewenang kami")])
        Self.expectPage(endedEN, 401, "a rejection sent without a session, in English")
        #expect(endedEN.text.contains("Your session has ended."))
        #expect(endedEN.text.contains("<html lang=\"en\""))
        #expect(endedEN.text.contains(">\nBukan wewenang kami</textarea>"))
        #expect(endedEN.text.contains("action=\"/staff/login?next=%2Fstaff%2Fcases%2F\(code)&amp;lang=en\""))
        let backEN = try browser.post("/staff/login?next=%2Fstaff%2Fcases%2F\(code)&lang=en",
                                      form: [("csrf", PageClient.csrf(endedEN) ?? ""), ("login", "rina.pu"), ("password", "sandi-rina-01")])
        #expect(backEN.headers["Location"] == "/staff/cases/\(code)?lang=en")

        // The accounts form too: back to the accounts page, and the password is never shown.
        let admin = PageClient(hub)
        let accountsEnded = try admin.post("/staff/accounts", form: [("csrf", "x"), ("login", "baru.pu"), ("password", "rahasia-sekali")])
        Self.expectPage(accountsEnded, 401, "an account form without a session")
        #expect(accountsEnded.text.contains("action=\"/staff/login?next=%2Fstaff%2Faccounts\""))
        #expect(!accountsEnded.text.contains("rahasia-sekali"))

        // A page asked for without a session: the login page, with its filters, in its language.
        let stranger = PageClient(hub)
        let queue = try stranger.get("/staff/?status=dispatched&lang=en")
        #expect(queue.status == 303)
        #expect(queue.headers["Location"] == "/staff/login?next=%2Fstaff%2F%3Fstatus%3Ddispatched&lang=en")
        let login = try stranger.get(try #require(queue.headers["Location"]))
        Self.expectPage(login, 200, "the login page with next")
        #expect(login.text.contains("action=\"/staff/login?next=%2Fstaff%2F%3Fstatus%3Ddispatched&amp;lang=en\""))
        #expect(login.text.contains("href=\"/staff/login?next=%2Fstaff%2F%3Fstatus%3Ddispatched\""), "switching language keeps next")
        let signedIn = try stranger.post("/staff/login?next=%2Fstaff%2F%3Fstatus%3Ddispatched&lang=en",
                                         form: [("csrf", PageClient.csrf(login) ?? ""), ("login", "rina.pu"), ("password", "sandi-rina-01")])
        #expect(signedIn.headers["Location"] == "/staff/?status=dispatched&lang=en")
        let accountsLogin = try PageClient(hub).get("/staff/login?next=%2Fstaff%2Faccounts")
        #expect(accountsLogin.text.contains("action=\"/staff/login?next=%2Fstaff%2Faccounts\""))

        // Only a staff path of this site: anything else is ignored, on the page and after the login.
        for next in ["//evil.example", "https://evil.example", "https://evil.example/staff/", "/staff//evil.example",
                     "/staff/\\evil.example", "/\\evil.example", "/staff/../evil", "javascript:alert(1)",
                     "/staff/\r\nLocation: https://evil.example"] {
            let visitor = PageClient(hub)
            let encoded = FormDecoder.encode([("next", next)])
            let page = try visitor.get("/staff/login?\(encoded)")
            #expect(page.status == 200, "next=\(next)")
            #expect(page.text.contains("action=\"/staff/login\""), "next=\(next) is not carried")
            #expect(!page.text.contains("evil"), "next=\(next)")
            let answer = try visitor.post("/staff/login?\(encoded)",
                                          form: [("csrf", PageClient.csrf(page) ?? ""), ("login", "rina.pu"), ("password", "sandi-rina-01")])
            #expect(answer.status == 303, "next=\(next)")
            #expect(answer.headers["Location"] == "/staff/", "next=\(next) leads to the queue, not \(answer.headers["Location"] ?? "-")")
        }
    }

    @Test func aTrackingCodeReadOutOnThePhoneFindsTheCase() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase())
        #expect(try hub.hubctl(["user", "add", "rina.pu", "--role", "staff", "--module", "public-works"], input: "sandi-rina-01\n").status == 0)
        let code = try StaffPagesTests.dispatchedCase(hub, ["category": "pekerjaan-umum", "description": "Jembatan goyang"])
        let social = try StaffPagesTests.dispatchedCase(hub, ["category": "sosial", "description": "Lansia butuh bantuan"])
        let grouped = "\(code.prefix(4))-\(code.dropFirst(4).prefix(4))-\(code.dropFirst(8))"
        let staff = PageClient(hub)
        #expect(try staff.logIn("rina.pu", "sandi-rina-01").status == 303)

        // The queue offers the search and shows codes grouped, the plain code in links and hooks.
        let queue = try staff.get("/staff/")
        #expect(queue.text.contains("<label for=\"find-code\">Cari kode pelacakan</label>"))
        #expect(queue.text.contains("data-code=\"\(code)\""))
        #expect(queue.text.contains("href=\"/staff/cases/\(code)\">\(grouped)</a>"))
        #expect(try staff.get("/staff/?lang=en").text.contains("Find a tracking code"))

        // As a citizen reads it out: lower case, with spaces and dashes.
        let spoken = "\(code.prefix(4).lowercased()) \(code.dropFirst(4).prefix(4).lowercased())-\(code.dropFirst(8).lowercased())"
        let found = try staff.get("/staff/?" + FormDecoder.encode([("code", spoken)]))
        #expect(found.status == 303)
        #expect(found.headers["Location"] == "/staff/cases/\(code)")
        let foundEN = try staff.get("/staff/?" + FormDecoder.encode([("lang", "en"), ("code", " \(grouped.lowercased()) ")]))
        #expect(foundEN.headers["Location"] == "/staff/cases/\(code)?lang=en")
        let page = try staff.get(try #require(found.headers["Location"]))
        #expect(page.status == 200)
        #expect(page.text.contains("<span id=\"case-code\">\(code)</span>"))
        #expect(page.text.contains("Kode untuk dibacakan: <span class=\"code\" id=\"case-code-grouped\">\(grouped)</span>"))

        // A code that does not read: the queue again, saying so in Indonesian, the text kept.
        let unreadable = try staff.get("/staff/?code=12345")
        Self.expectPage(unreadable, 400, "an unreadable code")
        #expect(unreadable.text.contains("Kode pelacakan itu tidak terbaca."))
        #expect(unreadable.text.contains("id=\"queue\""))
        #expect(unreadable.text.contains("name=\"code\" value=\"12345\""))

        // Another module's case is found like any code, and its page is the same 404 as a code nobody has.
        let other = try staff.get("/staff/?code=\(social.lowercased())")
        #expect(other.headers["Location"] == "/staff/cases/\(social)")
        let hidden = try staff.get("/staff/cases/\(social)")
        let unknown = try staff.get("/staff/cases/ABCDEFGHJKMNP")
        Self.expectPage(hidden, 404, "another module's case")
        #expect(hidden.text == unknown.text)
        #expect(!hidden.text.contains(social))
    }
}

/// The pages' escaping, to find typed text in them.
enum HTMLText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
