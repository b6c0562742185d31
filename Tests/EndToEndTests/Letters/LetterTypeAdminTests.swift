import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// Letter types as data that admins edit (`/api/v1/staff/admin/letter-types`), through the gateway
/// with intake: a changed deadline and chain apply to the next letter while a running one keeps its
/// own; a new type is offered at once and one switched off is not, while its letters run on to their
/// number; a bad type is refused with nothing stored; only admins edit them.
@Suite(.serialized)
struct LetterTypeAdminTests {
    static let admin = (login: "admin.jenis", password: "sandi-admin-jenis")
    static let path = "/api/v1/staff/admin/letter-types"

    func adminToken(_ regency: LetterRegency) throws -> String {
        let made = try regency.hub.hubctl(["user", "add", Self.admin.login, "--role", "admin"], input: Self.admin.password + "\n")
        guard made.status == 0 else { throw TestSupportError("admin: \(made.output)") }
        return try regency.hub.logIn(Self.admin.login, Self.admin.password)
    }

    func patch(_ regency: LetterRegency, _ path: String, _ body: [String: Any], token: String?) throws -> HTTPResponse {
        var headers = [("Content-Type", "application/json")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        return try regency.hub.request("PATCH", path, headers: headers, body: [UInt8](try JSONSerialization.data(withJSONObject: body)))
    }

    /// The working days from the start of a letter's current step to its deadline, counted by the
    /// database in WIB over the active holidays.
    func stepDays(_ regency: LetterRegency, _ code: String) throws -> Int {
        Int(try regency.scalar("""
            select (select count(*) from generate_series((l.step_since at time zone 'Asia/Jakarta')::date + 1,
                                                         (l.step_due_at at time zone 'Asia/Jakarta')::date, interval '1 day') d
                     where extract(isodow from d) < 6 and d::date not in (select day from holidays where active))::text as value
              from letters l where l.code = $1
            """, [code]) ?? "") ?? -1
    }

    func publicTypes(_ regency: LetterRegency) throws -> [[String: Any]] {
        try regency.hub.get("/api/v1/letter-types").jsonObject["letter_types"] as? [[String: Any]] ?? []
    }

    @Test func aChangedDeadlineAndChainApplyToTheNextLetterWhileARunningOneKeepsItsOwn() throws {
        let regency = try LetterRegency()
        let admin = try adminToken(regency)
        let listed = try regency.hub.get(Self.path, token: admin)
        #expect(listed.status == 200 && listed.jsonObject["kind"] as? String == "letter-types")
        let items = listed.jsonObject["items"] as? [[String: Any]] ?? []
        #expect(Set(items.compactMap { $0["id"] as? String }) == ["domisili", "usaha", "tidak-mampu", "pengantar-skck", "kelahiran", "kematian", "pindah"],
                "the seven seeded types: \(listed.text)")
        let domisili = try #require(items.first { $0["id"] as? String == "domisili" })
        #expect(domisili["deadline_days"] as? Int == 3 && domisili["reaches_district"] as? Bool == false && domisili["active"] as? Bool == true)
        let fields = try #require(domisili["fields"] as? [[String: Any]])
        #expect(fields.map { $0["key"] as? String } == ["alamat_domisili", "sejak", "keperluan"])

        // What the list gives can be sent back as it is.
        let same = try patch(regency, Self.path + "/domisili", ["fields": fields, "body_template": domisili["body_template"]!], token: admin)
        #expect(same.status == 200, "\(same.text)")
        #expect((same.jsonObject["fields"] as? [[String: Any]])?.count == 3)

        let running = try regency.enter("domisili", fields: LetterRegency.domisili)
        let changed = try patch(regency, Self.path + "/domisili", ["deadline_days": 5, "reaches_district": true], token: admin)
        #expect(changed.status == 200 && changed.jsonObject["deadline_days"] as? Int == 5 && changed.jsonObject["reaches_district"] as? Bool == true,
                "\(changed.text)")
        let offered = try #require(try publicTypes(regency).first { $0["code"] as? String == "domisili" })
        #expect(offered["deadline_days"] as? Int == 5 && offered["kecamatan_signs"] as? Bool == true)
        let next = try regency.enter("domisili", fields: LetterRegency.domisili)
        #expect(try stepDays(regency, running) == 3, "the letter already running keeps its deadline")
        #expect(try stepDays(regency, next) == 5, "the next letter is due 5 working days after it was entered")

        // At their next steps: the running letter keeps its 3 days and ends at the village; the next
        // one takes 5 days a step and goes on to the kecamatan.
        try regency.act(running, "pass", by: "sekdes.sukamaju")
        #expect(try stepDays(regency, running) == 3)
        #expect(try regency.act(running, "sign", by: "kades.sukamaju")["status"] as? String == "ready")
        try regency.act(next, "pass", by: "sekdes.sukamaju")
        #expect(try stepDays(regency, next) == 5)
        #expect(try regency.act(next, "sign", by: "kades.sukamaju")["status"] as? String == "district_receive")

        // Audited with the admin, before and after.
        let audited = try PostgresConnection(conninfo: regency.hub.databaseURL).query("""
            select a.before->>'deadline_days' as before_days, a.after->>'deadline_days' as after_days, a.after->>'kind' as kind, s.login
              from audit_log a join staff_accounts s on s.id = a.account_id where a.action = 'reference_changed' order by a.id
            """)
        #expect(audited.count == 2)
        #expect(audited.last?["before_days"] == "3" && audited.last?["after_days"] == "5" && audited.last?["kind"] == "letter-types"
            && audited.last?["login"] == Self.admin.login)
    }

    static var janda: [String: Any] { [
        "code": "janda", "name_id": "Surat Keterangan Janda", "name_en": "Certificate of widowhood", "classification": "474.2",
        "fields": [
            ["key": "nama_almarhum", "label_id": "Nama almarhum suami", "label_en": "Late husband's name", "type": "text", "required": true,
             "max_length": 120],
            ["key": "status", "label_id": "Status", "label_en": "Status", "type": "choice", "required": true, "choices": ["Cerai mati", "Cerai hidup"]],
        ],
        "body_template": "Menerangkan bahwa {{applicant.name}}, NIK {{applicant.nik}}, berstatus {{fields.status}}.\n\nAlmarhum {{fields.nama_almarhum}}.",
        "reaches_district": false, "deadline_days": 2,
    ] }

    @Test func aNewTypeIsOfferedAtOnceAndOneSwitchedOffIsNotWhileItsLettersRunOn() throws {
        let regency = try LetterRegency()
        let admin = try adminToken(regency)
        let created = try regency.hub.post(Self.path, json: Self.janda, token: admin)
        #expect(created.status == 201 && created.jsonObject["id"] as? String == "janda" && created.jsonObject["active"] as? Bool == true,
                "\(created.text)")
        let offered = try #require(try publicTypes(regency).first { $0["code"] as? String == "janda" })
        #expect((offered["fields"] as? [[String: Any]])?.last?["choices"] as? [String] == ["Cerai mati", "Cerai hidup"])
        #expect(offered["deadline_days"] as? Int == 2)

        let code = try regency.enter("janda", fields: ["nama_almarhum": "Slamet Riyadi", "status": "Cerai mati"])
        #expect(try stepDays(regency, code) == 2)
        let outside = try regency.post("/api/v1/staff/letters", ["type": "janda", "applicant": LetterRegency.applicant,
                                                                 "fields": ["nama_almarhum": "Slamet", "status": "Menikah"]], as: "fo.sukamaju")
        #expect(outside.status == 400 && outside.text.contains("invalid_field"), "a value outside the new type's choices: \(outside.text)")
        let off = try patch(regency, Self.path + "/janda", ["active": false], token: admin)
        #expect(off.status == 200 && off.jsonObject["active"] as? Bool == false)
        #expect(try publicTypes(regency).contains { $0["code"] as? String == "janda" } == false, "no longer offered")
        let refused = try regency.post("/api/v1/staff/letters", ["type": "janda", "applicant": LetterRegency.applicant,
                                                                 "fields": ["nama_almarhum": "Slamet", "status": "Cerai mati"]], as: "fo.sukamaju")
        #expect(refused.status == 400 && refused.text.contains("unknown_letter_type"))

        // The letter entered before runs on, is shown with its type, and is numbered by its classification.
        let shown = try regency.get("/api/v1/staff/letters/\(code)", as: "sekdes.sukamaju")
        #expect(shown.status == 200 && shown.text.contains("Surat Keterangan Janda"), "\(shown.text)")
        let page = try regency.hub.request("GET", "/staff/letters/\(code)", headers: [("Cookie", "hub_session=\(regency.token("sekdes.sukamaju"))")])
        #expect(page.status == 200 && page.text.contains("Surat Keterangan Janda"), "the letter's page names its switched-off type")
        try regency.act(code, "pass", by: "sekdes.sukamaju")
        let ready = try regency.act(code, "sign", by: "kades.sukamaju")
        #expect(ready["status"] as? String == "ready")
        let number = try #require(try regency.scalar("select number as value from letters where code = $1", [code]))
        #expect(number.hasPrefix("474.2-0001-\(LetterRegency.sukamaju)-"), "\(number)")
        let pdf = try regency.hub.get("/api/v1/letters/\(code)/pdf")
        #expect(pdf.status == 200 && String(decoding: pdf.body, as: UTF8.self).contains("Slamet Riyadi"), "the body from the new template")
    }

    @Test func aBadTypeIsRefusedAndNothingIsStored() throws {
        let regency = try LetterRegency()
        let admin = try adminToken(regency)
        func with(_ changes: [String: Any]) -> [String: Any] { Self.janda.merging(changes) { $1 } }
        let field: [String: Any] = ["key": "keperluan", "label_id": "Keperluan", "label_en": "Purpose", "type": "text"]
        let refusals: [(String, String, [String: Any], Int, String)] = [
            ("POST", Self.path, with(["body_template": "Untuk {{fields.alasan}}."]), 422, "template_unknown_field"),
            ("POST", Self.path, with(["body_template": "Untuk {{nama}}."]), 422, "invalid_template"),
            ("POST", Self.path, with(["fields": [field.merging(["type": "uang"]) { $1 }]]), 400, "invalid_field"),
            ("POST", Self.path, with(["fields": [field.merging(["min": 3]) { $1 }]]), 400, "invalid_field"),
            ("POST", Self.path, with(["fields": [field, field]]), 400, "invalid_field"),
            ("POST", Self.path, with(["fields": "keperluan"]), 400, "invalid_field"),
            ("POST", Self.path, with(["code": "domisili"]), 409, "duplicate"),
            ("POST", Self.path, with(["code": "9-janda"]), 400, "invalid_field"),
            ("POST", Self.path, with(["classification": "47"]), 400, "invalid_field"),
            ("POST", Self.path, with(["deadline_days": 0]), 400, "invalid_field"),
            ("POST", Self.path, with(["deadline_days": 61]), 400, "invalid_field"),
            ("POST", Self.path, with(["reaches_district": NSNull()]), 400, "missing_field"),
            ("PATCH", Self.path + "/domisili", ["deadline_days": 61], 400, "invalid_field"),
            ("PATCH", Self.path + "/domisili", ["deadline_days": -1], 400, "invalid_field"),
            ("PATCH", Self.path + "/domisili", ["fields": [field]], 422, "template_unknown_field"),
            ("PATCH", Self.path + "/domisili", ["body_template": "{{fields.keperluan"], 422, "invalid_template"),
            ("PATCH", Self.path + "/domisili", ["code": "domisili-baru"], 400, "field_not_editable"),
            ("PATCH", Self.path + "/surat-sakti", ["deadline_days": 4], 404, "not_found"),
        ]
        let stored = """
            select md5(string_agg(t::text, '|' order by code)) || '/' || (select count(*) from audit_log) as value from letter_types t
            """
        let before = try regency.scalar(stored)
        for (method, path, body, status, code) in refusals {
            let response = method == "PATCH" ? try patch(regency, path, body, token: admin) : try regency.hub.post(path, json: body, token: admin)
            let error = response.jsonObject["error"] as? [String: Any]
            #expect(response.status == status && error?["code"] as? String == code, "\(method) \(path) \(body): \(response.status) \(response.text)")
            #expect((error?["message"] as? String)?.isEmpty == false)
        }

        // Only admins: the district admin and the letter desks are refused, and so is no session.
        for login in ["admin.sukasari", "kades.sukamaju", "fo.sukamaju"] {
            #expect(try regency.get(Self.path, as: login).status == 403, "\(login) GET")
            #expect(try patch(regency, Self.path + "/domisili", ["deadline_days": 4], token: regency.token(login)).status == 403, "\(login) PATCH")
        }
        #expect(try regency.hub.post(Self.path, json: with(["code": "tanpa-sesi"])).status == 401)
        #expect(try patch(regency, Self.path + "/domisili", ["deadline_days": 4], token: nil).status == 401)
        #expect(try regency.scalar(stored) == before, "a refused change stores nothing")
    }
}
