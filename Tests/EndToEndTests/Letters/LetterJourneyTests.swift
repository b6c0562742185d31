import DocumentTestSupport
import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// Letters through the chain with the real executables: a surat biasa and a surat khusus, a return
/// and a redo, the village head on leave, and verification of a genuine and a forged link.
@Suite(.serialized)
struct LetterJourneyTests {
    /// Follows a letter to ready and checks its PDF, its digest and its verification link.
    func verifyReady(_ regency: LetterRegency, _ code: String) throws -> (number: String, pdf: String) {
        let view = try regency.hub.get("/api/v1/letters/\(code)").jsonObject
        #expect(view["status"] as? String == "ready" && view["ready"] as? Bool == true)
        #expect(view["pdf"] as? String == "/api/v1/letters/\(code)/pdf")
        let pdf = try regency.hub.get("/api/v1/letters/\(code)/pdf")
        #expect(pdf.status == 200 && pdf.headers["Content-Type"] == "application/pdf")
        #expect(pdf.body.starts(with: Array("%PDF-".utf8)))
        #expect(String(decoding: pdf.body, as: UTF8.self).contains("/MediaBox [0 0 595.28 841.89]"), "an A4 page")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/qpdf") {
            let file = NSTemporaryDirectory() + "surat-\(code).pdf"
            FileManager.default.createFile(atPath: file, contents: Data(pdf.body))
            defer { try? FileManager.default.removeItem(atPath: file) }
            let qpdf = Process()
            qpdf.executableURL = URL(fileURLWithPath: "/usr/bin/qpdf")
            qpdf.arguments = ["--check", file]
            qpdf.standardOutput = FileHandle.nullDevice
            try qpdf.run()
            qpdf.waitUntilExit()
            #expect(qpdf.terminationStatus == 0, "qpdf --check refused the letter's PDF")
        }
        let staff = try regency.get("/api/v1/staff/letters/\(code)", as: "fo.sukamaju").jsonObject
        let number = try #require(staff["number"] as? String)
        let digest = try #require(staff["pdf_digest"] as? String)
        let computed = try regency.scalar("select encode(digest($1::bytea, 'sha256'), 'hex') as value", [Data(pdf.body)])
        #expect(digest == computed)

        let check = try regency.check(of: number)
        let json = try regency.hub.request("GET", "/verify/\(number)?c=\(check)", headers: [("Accept", "application/json")])
        #expect(json.status == 200, "\(json.text)")
        #expect(json.jsonObject["valid"] as? Bool == true && json.jsonObject["number"] as? String == number)
        #expect((json.jsonObject["digest"] as? [String: Any])?["hex"] as? String == digest)
        let page = try regency.hub.get("/verify/\(number)?c=\(check)")
        #expect(page.status == 200 && page.text.contains(number) && page.text.contains(digest))
        #expect(String(decoding: pdf.body, as: UTF8.self).contains("/verify/\(number)?c=\(check)"))
        #expect(try Self.qrCode(ofFirstPageOf: pdf.body).contains("/verify/\(number)?c=\(check)"),
                "the printed QR code leads to the verification page")
        return (number, String(decoding: pdf.body, as: UTF8.self))
    }

    /// What the QR code on a PDF's first page says, read by zbarimg off a 150 dpi rendering.
    static func qrCode(ofFirstPageOf pdf: [UInt8]) throws -> String {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let path = try folder.write(pdf, named: "letter.pdf")
        let page = folder.url.appendingPathComponent("page").path
        #expect(try ExternalTool("pdftoppm").run(["-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", path, page]).status == 0)
        return try ExternalTool("zbarimg").run(["-q", "--raw", page + ".png"]).output
    }

    @Test func aSuratBiasaIsCheckedAndSignedInTheVillageAndVerifiable() throws {
        let regency = try LetterRegency()
        let created = try regency.post("/api/v1/staff/letters", ["type": "domisili", "applicant": LetterRegency.applicant,
                                                                 "fields": LetterRegency.domisili], as: "fo.sukamaju")
        #expect(created.status == 201, "\(created.text)")
        let code = try #require(created.jsonObject["code"] as? String)
        #expect(created.jsonObject["status"] as? String == "village_check" && created.jsonObject["desk"] as? String == "village_secretary")

        // The public position: the desk and since when, never a name or the citizen's data.
        let tracked = try regency.hub.get("/api/v1/letters/\(code)")
        #expect(tracked.status == 200 && tracked.jsonObject["desk"] as? String == "village_secretary")
        #expect(tracked.jsonObject["since"] is String && tracked.jsonObject["pdf"] is NSNull)
        for secret in ["Siti", "3599010101900001", "Agus", "Rina", "Krajan"] { #expect(!tracked.text.contains(secret)) }
        #expect(try regency.hub.get("/api/v1/letters/\(code)/pdf").status == 409)
        // The same as the citizen's page, at the address the receipt prints.
        let trackingPage = try regency.hub.get("/letters/\(code)")
        #expect(trackingPage.status == 200 && trackingPage.headers["Content-Type"]?.hasPrefix("text/html") == true)
        #expect(trackingPage.text.contains("<dd id=\"desk\">Sekretaris Desa</dd>") && trackingPage.text.contains("Surat Keterangan Domisili"))
        #expect(!trackingPage.text.contains("id=\"pdf-link\""))
        for secret in ["Siti", "3599010101900001", "Agus", "Rina", "Krajan"] { #expect(!trackingPage.text.contains(secret)) }
        #expect(try regency.hub.get("/letters/ABCDEFGHJKMNP").status == 404)

        let queue = try regency.get("/api/v1/staff/letters", as: "sekdes.sukamaju").jsonObject["letters"] as? [[String: Any]]
        #expect(queue?.map { $0["code"] as? String } == [code])
        #expect((try regency.get("/api/v1/staff/letters", as: "kades.sukamaju").jsonObject["letters"] as? [Any])?.isEmpty == true)
        // ?all=true: every letter the desk may see (its village's), not only those waiting on it.
        func listed(_ path: String, _ login: String) throws -> [String] {
            (try regency.get(path, as: login).jsonObject["letters"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        }
        #expect(try listed("/api/v1/staff/letters", "fo.sukamaju").isEmpty && listed("/api/v1/staff/letters?all=true", "fo.sukamaju") == [code])
        #expect(try listed("/api/v1/staff/letters?all=true", "fo.sukamulya").isEmpty, "another village's desk sees none of it")
        let page = try regency.get("/api/v1/staff/letters/\(code)", as: "sekdes.sukamaju").jsonObject
        #expect(page["actions"] as? [String] == ["pass", "return", "reject"])
        #expect((page["applicant"] as? [String: Any])?["name"] as? String == "Siti Aminah")

        try regency.act(code, "pass", by: "sekdes.sukamaju")
        let signed = try regency.act(code, "sign", by: "kades.sukamaju")
        #expect(signed["status"] as? String == "ready")
        let signatures = signed["signatures"] as? [[String: Any]]
        #expect(signatures?.count == 1 && signatures?.first?["capacity"] as? String == "own")
        #expect(signatures?.first?["nip"] as? String == LetterRegency.headNIP)

        let (number, pdf) = try verifyReady(regency, code)
        #expect(number.hasPrefix("470-0001-\(LetterRegency.sukamaju)-"))
        #expect(pdf.contains("Kepala Desa Sukamaju") && pdf.contains("Budi Santoso") && pdf.contains("NIP \(LetterRegency.headNIP)"))
        let steps = try regency.hub.get("/api/v1/letters/\(code)").jsonObject["steps"] as? [[String: Any]]
        #expect(steps?.compactMap { $0["desk"] as? String } == ["village_front_office", "village_secretary", "village_head"])
        let readyPage = try regency.hub.get("/letters/\(code)?lang=en").text
        #expect(readyPage.contains("id=\"letter-ready\"") && readyPage.contains("href=\"/api/v1/letters/\(code)/pdf\""))
        #expect(readyPage.contains("Village head: Ready to collect at the village office") && !readyPage.contains("Budi Santoso"), "the steps by position, never a name")

        // A forged link: a check changed by one digit, another number with this check, no check.
        let forged = String(try regency.check(of: number).dropLast()) + (try regency.check(of: number).hasSuffix("0") ? "1" : "0")
        let wrong = try regency.hub.request("GET", "/verify/\(number)?c=\(forged)", headers: [("Accept", "application/json")])
        #expect(wrong.status == 404 && (wrong.jsonObject["error"] as? [String: Any])?["code"] as? String == "letter_not_verified")
        let guessed = number.replacingOccurrences(of: "-0001-", with: "-0002-")
        let other = try regency.hub.request("GET", "/verify/\(guessed)?c=\(try regency.check(of: number))",
                                            headers: [("Accept", "application/json")])
        #expect(other.status == 404)
        #expect(try regency.hub.get("/verify/\(number)").status == 404)
        let forgedPage = try regency.hub.get("/verify/\(number)?c=\(forged)")
        #expect(forgedPage.status == 404 && forgedPage.text.contains("tidak dapat dipastikan"))
    }

    @Test func aSuratKhususReturnedAndRedoneIsSignedByTheCamatAndNumberedByTheKecamatan() throws {
        let regency = try LetterRegency()
        let code = try regency.enter("pindah", fields: LetterRegency.pindah)
        let returned = try regency.act(code, "return", by: "sekdes.sukamaju", ["reason": "Alamat tujuan kurang lengkap"])
        #expect(returned["status"] as? String == "correction" && returned["desk"] as? String == "village_front_office")
        #expect(try regency.hub.get("/api/v1/letters/\(code)").text.contains("Alamat tujuan") == false)

        var corrected = LetterRegency.pindah
        corrected["alamat_tujuan"] = "Jl. Merdeka 10 RT 3 RW 4, Kota Malang"
        let redone = try regency.act(code, "pass", by: "fo.sukamaju", ["fields": corrected])
        #expect(redone["status"] as? String == "village_check")
        #expect((redone["fields"] as? [String: Any])?["alamat_tujuan"] as? String == "Jl. Merdeka 10 RT 3 RW 4, Kota Malang")
        try regency.act(code, "pass", by: "sekdes.sukamaju")
        #expect(try regency.act(code, "sign", by: "kades.sukamaju")["status"] as? String == "district_receive")
        #expect((try regency.get("/api/v1/staff/letters", as: "fo.sukasari").jsonObject["letters"] as? [[String: Any]])?
            .compactMap { $0["code"] as? String } == [code])
        try regency.act(code, "pass", by: "fo.sukasari")
        try regency.act(code, "return", by: "kasi.sukasari", ["reason": "Jumlah pengikut tidak sesuai KK"])
        try regency.act(code, "pass", by: "fo.sukamaju", ["fields": corrected.merging(["jumlah_pengikut": 3]) { $1 }])
        try regency.act(code, "pass", by: "sekdes.sukamaju")
        try regency.act(code, "sign", by: "kades.sukamaju")
        try regency.act(code, "pass", by: "fo.sukasari")
        try regency.act(code, "pass", by: "kasi.sukasari")
        let done = try regency.act(code, "sign", by: "camat.sukasari")
        #expect(done["status"] as? String == "ready" && done["desk"] as? String == "village_front_office")
        // The return voided the first signature: the corrected letter carries those of the last round.
        #expect((done["signatures"] as? [[String: Any]])?.compactMap { $0["position"] as? String } == ["village_head", "district_head"])
        let history = (done["history"] as? [[String: Any]])?.compactMap { $0["action"] as? String }
        #expect(history == ["enter", "return", "pass", "pass", "sign", "pass", "return", "pass", "pass", "sign", "pass", "pass", "sign"])
        // Every step is an event with its deadline and an audit entry of its own.
        let stored = try regency.scalar("""
            select (select count(*) from letter_events e where e.letter_id = l.id and e.due_at is not null) || '/'
                   || (select count(*) from audit_log a where a.letter_id = l.id and a.action like 'letter.%') as value
              from letters l where l.code = $1
            """, [code])
        #expect(stored == "13/13")

        let (number, pdf) = try verifyReady(regency, code)
        #expect(number.hasPrefix("474.2-0001-\(LetterRegency.sukasari)-"))
        #expect(pdf.contains("Camat Sukasari") && pdf.contains("Hadi Camat") && pdf.contains("KECAMATAN SUKASARI"))
    }

    @Test func theSecretarySignsForTheVillageHeadOnLeaveAtasNama() throws {
        let regency = try LetterRegency()
        let code = try regency.enter("usaha", fields: ["nama_usaha": "Warung Siti", "jenis_usaha": "warung makan",
                                                       "alamat_usaha": "Pasar Sukamaju"])
        try regency.act(code, "pass", by: "sekdes.sukamaju")
        let today = try #require(try regency.scalar("select to_char(now() at time zone 'Asia/Jakarta', 'YYYY-MM-DD') as value"))
        let until = try #require(try regency.scalar("select to_char((now() at time zone 'Asia/Jakarta') + interval '3 days', 'YYYY-MM-DD') as value"))
        let leave: [String: Any] = ["login": "kades.sukamaju", "from": today, "to": until, "stand_in": "sekdes.sukamaju"]

        // Only the district admin records leave, only for their kecamatan, with a stand-in of the same village.
        #expect(try regency.post("/api/v1/staff/leave", leave, as: "camat.sukasari").status == 403)
        var elsewhere = leave
        elsewhere["stand_in"] = "fo.sukamulya"
        #expect(try regency.post("/api/v1/staff/leave", elsewhere, as: "admin.sukasari").status == 400)
        var backwards = leave
        backwards["to"] = "2000-01-01"
        #expect(try regency.post("/api/v1/staff/leave", backwards, as: "admin.sukasari").status == 400)
        let recorded = try regency.post("/api/v1/staff/leave", leave, as: "admin.sukasari")
        #expect(recorded.status == 201, "\(recorded.text)")

        // The head on leave holds nothing; the letter waits on the secretary's desk, who signs a.n.
        let refused = try regency.post("/api/v1/staff/letters/\(code)/sign", as: "kades.sukamaju")
        #expect(refused.status == 403 && (refused.jsonObject["error"] as? [String: Any])?["code"] as? String == "on_leave")
        let queue = try regency.get("/api/v1/staff/letters", as: "sekdes.sukamaju").jsonObject["letters"] as? [[String: Any]]
        #expect(queue?.compactMap { $0["code"] as? String } == [code])
        let signed = try regency.act(code, "sign", by: "sekdes.sukamaju")
        let signature = (signed["signatures"] as? [[String: Any]])?.first
        #expect(signature?["capacity"] as? String == "a.n." && signature?["signer_position"] as? String == "village_secretary")
        #expect(signature?["name"] as? String == "Agus Sekdes")
        let (_, pdf) = try verifyReady(regency, code)
        #expect(pdf.contains("a.n. Kepala Desa Sukamaju") && pdf.contains("Sekretaris Desa") && pdf.contains("Agus Sekdes"))
        let audit = try regency.scalar("select count(*)::text as value from audit_log where action = 'leave.record'")
        #expect(audit == "1")
    }
}
