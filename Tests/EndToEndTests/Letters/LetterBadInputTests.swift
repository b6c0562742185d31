import Foundation
import HTTP
import TestSupport
import Testing

/// Bad input to the letters: each a clear 4xx, and nothing stored.
@Suite(.serialized)
struct LetterBadInputTests {
    func errorCode(_ response: HTTPResponse) -> String? { (response.jsonObject["error"] as? [String: Any])?["code"] as? String }

    func stored(_ regency: LetterRegency) throws -> String? {
        try regency.scalar("""
            select (select count(*) from letters) || '/' || (select count(*) from letter_events) || '/'
                   || (select count(*) from audit_log where letter_id is not null or action like 'letter.%') as value
            """)
    }

    @Test func aRefusedNewLetterStoresNothing() throws {
        let regency = try LetterRegency()
        var missing = LetterRegency.domisili
        missing["sejak"] = nil
        let cases: [(String, [String: Any], Int, String)] = [
            ("fo.sukamaju", ["type": "domisili", "applicant": LetterRegency.applicant, "fields": missing], 400, "missing_field"),
            ("fo.sukamaju", ["type": "domisili", "applicant": LetterRegency.applicant, "village": LetterRegency.sukamulya,
                             "fields": LetterRegency.domisili], 403, "wrong_village"),
            ("fo.sukamaju", ["type": "domisili", "applicant": LetterRegency.applicant.merging(["nik": "12345"]) { $1 },
                             "fields": LetterRegency.domisili], 400, "invalid_field"),
            ("fo.sukamaju", ["type": "domisili", "applicant": LetterRegency.applicant,
                             "fields": LetterRegency.domisili.merging(["sejak": "2015-13-01"]) { $1 }], 400, "invalid_field"),
            ("fo.sukamaju", ["type": "domisili", "applicant": LetterRegency.applicant,
                             "fields": LetterRegency.domisili.merging(["hobi": "catur"]) { $1 }], 400, "unknown_field"),
            ("fo.sukamaju", ["type": "surat-sakti", "applicant": LetterRegency.applicant, "fields": [:] as [String: Any]], 400,
             "unknown_letter_type"),
            ("fo.sukamaju", ["type": "domisili", "fields": LetterRegency.domisili], 400, "invalid_request"),
            ("sekdes.sukamaju", ["type": "domisili", "applicant": LetterRegency.applicant, "fields": LetterRegency.domisili], 403,
             "forbidden_action"),
        ]
        for (login, body, status, code) in cases {
            let response = try regency.post("/api/v1/staff/letters", body, as: login)
            #expect(response.status == status && errorCode(response) == code, "\(body): \(response.status) \(response.text)")
            #expect((response.jsonObject["error"] as? [String: Any])?["message"] is String)
        }
        #expect(try stored(regency) == "0/0/0")

        // An account of no letter role, and no session at all.
        #expect(try regency.hub.hubctl(["user", "add", "admin.surat", "--role", "admin"], input: LetterRegency.password + "\n").status == 0)
        let admin = try regency.hub.post("/api/v1/staff/letters", json: ["type": "domisili", "applicant": LetterRegency.applicant,
                                                                         "fields": LetterRegency.domisili],
                                         token: try regency.hub.logIn("admin.surat", LetterRegency.password))
        #expect(admin.status == 403 && errorCode(admin) == "forbidden_action")
        #expect(try regency.hub.post("/api/v1/staff/letters", json: ["type": "domisili"]).status == 401)
        #expect(try stored(regency) == "0/0/0")
    }

    @Test func anActionByAPositionThatDoesNotHoldTheStepChangesNothing() throws {
        let regency = try LetterRegency()
        let code = try regency.enter("domisili", fields: LetterRegency.domisili)
        let before = try stored(regency)
        #expect(before == "1/1/1")
        let cases: [(String, String, [String: Any], Int, String)] = [
            ("kades.sukamaju", "sign", [:], 403, "not_your_step"),
            ("camat.sukasari", "sign", [:], 403, "not_your_step"),
            ("fo.sukamaju", "pass", [:], 403, "not_your_step"),
            ("sekdes.sukamaju", "sign", [:], 409, "action_not_allowed"),
            ("sekdes.sukamaju", "return", [:], 400, "reason_required"),
            ("sekdes.sukamaju", "reject", ["reason": "   "], 400, "reason_required"),
            ("sekdes.sukamaju", "approve", [:], 404, "unknown_action"),
            ("kades.sukamulya", "sign", [:], 404, "letter_not_found"),
        ]
        for (login, action, body, status, errorCode) in cases {
            let response = try regency.post("/api/v1/staff/letters/\(code)/\(action)", body, as: login)
            #expect(response.status == status && self.errorCode(response) == errorCode, "\(login) \(action): \(response.status) \(response.text)")
        }
        #expect(try regency.get("/api/v1/staff/letters/\(code)", as: "fo.sukamulya").status == 404)
        #expect(try regency.post("/api/v1/staff/letters/0000000000000/pass", as: "sekdes.sukamaju").status == 404)
        #expect(try stored(regency) == before)
        #expect(try regency.scalar("select step || ' ' || version as value from letters where code = $1", [code]) == "village_check 1")

        // A bad correction at the redo is refused whole: the letter stays where it was.
        try regency.act(code, "return", by: "sekdes.sukamaju", ["reason": "Alamat salah"])
        let bad = try regency.post("/api/v1/staff/letters/\(code)/pass",
                                   ["fields": LetterRegency.domisili.merging(["sejak": "kemarin"]) { $1 }], as: "fo.sukamaju")
        #expect(bad.status == 400 && errorCode(bad) == "invalid_field")
        #expect(try regency.scalar("select step || ' ' || version as value from letters where code = $1", [code]) == "correction 2")
    }

    @Test func thePublicPathsAnswerUnknownLettersAndWrongChecksWith404() throws {
        let regency = try LetterRegency()
        #expect(try regency.hub.get("/api/v1/letters/0000000000000").status == 404)
        #expect(try regency.hub.get("/api/v1/letters/not-a-code/pdf").status == 404)
        for target in ["/verify/470-0001-35.99.01.2001-2026?c=00000000000000000000", "/verify/470-0001?c=short",
                       "/verify/x%27%3B--?c=00000000000000000000"] {
            let json = try regency.hub.request("GET", target, headers: [("Accept", "application/json")])
            #expect(json.status == 404 && errorCode(json) == "letter_not_verified", "\(target): \(json.text)")
        }
        let types = try regency.hub.get("/api/v1/letter-types")
        let list = try #require(types.jsonObject["letter_types"] as? [[String: Any]])
        #expect(Set(list.compactMap { $0["code"] as? String })
            == ["domisili", "usaha", "tidak-mampu", "pengantar-skck", "kelahiran", "kematian", "pindah"])
        let pindah = try #require(list.first { $0["code"] as? String == "pindah" })
        #expect(pindah["kecamatan_signs"] as? Bool == true && (pindah["fields"] as? [[String: Any]])?.count == 3)
    }
}
