import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// Requests that fan out as data admins edit, through the gateway with the real services: an admin
/// sets up a death-registration request (the civil registry's certificate, BPJS's deregistration)
/// and the subcategory it is asked for by, and the next submission under it fans out to those
/// agencies in that order; a changed part applies to the next request; every change is audited and
/// a bad one is refused with nothing stored.
@Suite(.serialized)
struct RequestTypeAdminTests {
    static let admin = (login: "admin.permohonan", password: "sandi-admin-mohon")
    static let staff = (login: "petugas.capil", password: "sandi-staf-capil")

    func partAgencies(_ hub: RunningHub, _ code: String) throws -> [String] {
        let view = try hub.waitForPublicView(code, "the request's parts taken in") { view in
            let parts = view["parts"] as? [[String: Any]] ?? []
            return !parts.isEmpty && parts.allSatisfy { $0["status"] as? String == "dispatched" }
        }
        return (view["parts"] as? [[String: Any]] ?? []).compactMap { $0["agency"] as? String }
    }

    @Test func anAdminSetsUpARequestThatFansOutAndTheNextSubmissionFollowsIt() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        #expect(try hub.hubctl(["user", "add", Self.admin.login, "--role", "admin"], input: Self.admin.password + "\n").status == 0)
        #expect(try hub.hubctl(["user", "add", Self.staff.login, "--role", "staff", "--module", "intake"],
                               input: Self.staff.password + "\n").status == 0)
        let admin = try hub.logIn(Self.admin.login, Self.admin.password)
        let staff = try hub.logIn(Self.staff.login, Self.staff.password)
        let database = try PostgresConnection(conninfo: url)
        func created(_ kind: String, _ body: [String: Any]) throws -> [String: Any] {
            let response = try hub.post("/api/v1/staff/admin/\(kind)", json: body, token: admin)
            #expect(response.status == 201, "POST \(kind) \(body): \(response.status) \(response.text)")
            return response.jsonObject
        }

        let listed = try hub.get("/api/v1/staff/admin/request-types", token: admin)
        #expect(listed.status == 200 && (listed.jsonObject["items"] as? [[String: Any]] ?? []).contains { $0["id"] as? String == "bayi-baru-lahir" },
                "the shipped newborn's request is listed: \(listed.text.prefix(300))")
        #expect(try created("request-types", ["code": "kematian", "name_id": "Layanan akta kematian", "name_en": "Death registration"])["id"]
                as? String == "kematian")
        let first = try created("request-parts", ["type": "kematian", "agency": "disdukcapil", "category": "kependudukan", "position": 1,
                                                  "name_id": "Akta kematian", "name_en": "Death certificate"])
        #expect(first["id"] as? String == "kematian:disdukcapil" && first["category"] as? String == "kependudukan", "\(first)")
        _ = try created("request-parts", ["type": "kematian", "agency": "bpjs-kesehatan", "category": "sosial", "position": 2,
                                          "name_id": "Penonaktifan BPJS", "name_en": "BPJS deregistration"])
        // The shipped subcategory "Akta kematian" now asks for the request, and a new one for it too.
        let attached = try hub.patch("/api/v1/staff/admin/subcategories/kependudukan:akta-kematian", json: ["request_type": "kematian"],
                                     token: admin)
        #expect(attached.status == 200 && attached.jsonObject["request_type"] as? String == "kematian", "\(attached.text)")
        let subcategory = try created("subcategories", ["category": "kependudukan", "code": "kematian-terpadu", "name_id": "Akta kematian dan BPJS",
                                                        "name_en": "Death certificate and BPJS", "position": 20, "request_type": "kematian"])
        #expect(subcategory["request_type"] as? String == "kematian", "\(subcategory)")
        let parts = try hub.get("/api/v1/staff/admin/request-parts", token: admin).jsonObject["items"] as? [[String: Any]] ?? []
        #expect(parts.filter { $0["type"] as? String == "kematian" }.compactMap { $0["id"] as? String }
                == ["kematian:disdukcapil", "kematian:bpjs-kesehatan"], "in the request's order: \(parts)")

        // The next submission under the subcategory fans out to the parts' agencies, in their order.
        func submit(_ description: String, subcategory: String = "kematian-terpadu") throws -> String {
            try hub.submitted(["category": "kependudukan", "subcategory": subcategory, "description": description,
                               "confidential": false])
        }
        let request = try submit("Ayah kami meninggal 3 Desember; mohon akta kematian dan penonaktifan BPJS-nya.",
                                 subcategory: "akta-kematian")
        #expect(try partAgencies(hub, request) == ["disdukcapil", "bpjs-kesehatan"])

        // A changed part applies to the next request; the request before keeps its parts.
        let moved = try hub.patch("/api/v1/staff/admin/request-parts/kematian:bpjs-kesehatan", json: ["position": 0, "category": "kesehatan"],
                                  token: admin)
        #expect(moved.status == 400 && (moved.jsonObject["error"] as? [String: Any])?["code"] as? String == "invalid_field",
                "a position is 1 or more: \(moved.text)")
        #expect(try hub.patch("/api/v1/staff/admin/request-parts/kematian:disdukcapil", json: ["position": 3], token: admin).status == 200)
        let next = try submit("Ibu kami meninggal 4 Desember.")
        #expect(try partAgencies(hub, next) == ["bpjs-kesehatan", "disdukcapil"])
        let earlier = try database.query("""
            select string_agg(agency_code, ',' order by id) as agencies from complaints
             where parent_id = (select id from complaints where tracking_code = $1)
            """, [request])[0]["agencies"]
        #expect(earlier == "disdukcapil,bpjs-kesehatan")

        // Refused, with nothing stored.
        let counts = """
            select (select count(*) from request_types) || '/' || (select count(*) from request_type_parts) || '/'
                   || (select count(*) from subcategories) || '/' || (select string_agg(position::text, ',' order by agency_code)
                   from request_type_parts where type_code = 'kematian') as n
            """
        let stored = try database.query(counts)[0]["n"]
        let refusals: [(String, String, [String: Any], Int, String)] = [
            ("POST", "/api/v1/staff/admin/request-parts", ["type": "kematian", "agency": "disdukcapil", "category": "kependudukan",
                                                           "position": 4, "name_id": "Lagi", "name_en": "Again"], 409, "duplicate"),
            ("POST", "/api/v1/staff/admin/request-parts", ["type": "tidak-ada", "agency": "rsud", "category": "kesehatan",
                                                           "position": 1, "name_id": "X", "name_en": "X"], 400, "unknown_reference"),
            ("POST", "/api/v1/staff/admin/request-parts", ["type": "kematian", "agency": "tidak-ada", "category": "kesehatan",
                                                           "position": 1, "name_id": "X", "name_en": "X"], 400, "unknown_reference"),
            ("POST", "/api/v1/staff/admin/subcategories", ["category": "kependudukan", "code": "pindah-datang", "name_id": "Pindah datang",
                                                           "name_en": "Moving in", "position": 21, "request_type": "pindah"], 400, "unknown_reference"),
            ("POST", "/api/v1/staff/admin/request-types", ["code": "kematian", "name_id": "Lagi", "name_en": "Again"], 409, "duplicate"),
            ("POST", "/api/v1/staff/admin/request-types", ["code": String(repeating: "k", count: 41), "name_id": "Panjang",
                                                           "name_en": "Long"], 400, "invalid_field"),
            ("PATCH", "/api/v1/staff/admin/request-parts/kematian:disdukcapil", ["agency": "rsud"], 400, "field_not_editable"),
            ("PATCH", "/api/v1/staff/admin/request-parts/kematian:rsud", ["position": 2], 404, "not_found"),
        ]
        for (method, path, body, status, code) in refusals {
            let response = method == "PATCH" ? try hub.patch(path, json: body, token: admin) : try hub.post(path, json: body, token: admin)
            #expect(response.status == status && (response.jsonObject["error"] as? [String: Any])?["code"] as? String == code,
                    "\(method) \(path) \(body): \(response.status) \(response.text)")
        }
        #expect(try database.query(counts)[0]["n"] == stored, "a refused change stores nothing")
        #expect(try hub.post("/api/v1/staff/admin/request-types", json: ["code": "x", "name_id": "X", "name_en": "X"], token: staff).status
                == 403, "staff may not change reference data")

        // Every change is in the audit log with the admin.
        let audited = try database.query("""
            select a.action, a.after->>'kind' as kind, s.login from audit_log a join staff_accounts s on s.id = a.account_id
             where a.action like 'reference_%' order by a.id
            """)
        #expect(audited.map { "\($0["action"] ?? ""):\($0["kind"] ?? "")" } == [
            "reference_created:request-types", "reference_created:request-parts", "reference_created:request-parts",
            "reference_changed:subcategories", "reference_created:subcategories", "reference_changed:request-parts",
        ])
        #expect(audited.allSatisfy { $0["login"] == Self.admin.login })

        // The admin pages list the new kinds beside the others.
        let page = PageClient(hub)
        _ = try page.logIn(Self.admin.login, Self.admin.password)
        let partsPage = try page.get("/staff/admin/request-parts")
        #expect(partsPage.status == 200 && partsPage.text.contains("data-id=\"kematian:bpjs-kesehatan\"")
                && partsPage.text.contains("Bagian permohonan gabungan"))
    }
}
