import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// Service levels and reference data as data, through the gateway with the real services: an admin
/// changes the verification deadline and the next case uses it while the case before keeps its own;
/// a holiday and an agency's time zone move the next deadline; a route added through intake routes
/// the next submission at once; every change is audited and a bad one is refused with nothing stored.
@Suite(.serialized)
struct ReferenceDataTests {
    static let admin = (login: "admin.acuan", password: "sandi-admin-acuan")
    static let staff = (login: "petugas.acuan", password: "sandi-staf-acuan")

    /// The working days from a case's creation to its deadline, counted by the database in the
    /// zone's local days over the active holidays, and whether the deadline keeps the time of day.
    func workingDays(_ code: String, zone: String = "Asia/Jakarta", on database: PostgresConnection) throws -> (days: Int, sameTime: Bool) {
        let row = try database.query("""
            select (select count(*) from generate_series((c.created_at at time zone $2)::date + 1,
                                                         (c.due_at at time zone $2)::date, interval '1 day') d
                     where extract(isodow from d) < 6 and d::date not in (select day from holidays where active))::text as days,
                   (abs(extract(epoch from ((c.due_at at time zone $2)::time - (c.created_at at time zone $2)::time))) < 120)::text as same
              from complaints c where c.tracking_code = $1
            """, [code, zone])[0]
        return (Int(row["days"] ?? "") ?? -1, row["same"] == "true")
    }

    func due(_ code: String, on database: PostgresConnection) throws -> String {
        try database.query("select due_at::text as due from complaints where tracking_code = $1", [code])[0]["due"] ?? ""
    }

    @Test func aChangedDeadlineAppliesToTheNextCaseAndABadChangeStoresNothing() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        #expect(try hub.hubctl(["user", "add", Self.admin.login, "--role", "admin"], input: Self.admin.password + "\n").status == 0)
        #expect(try hub.hubctl(["user", "add", Self.staff.login, "--role", "staff", "--module", "public-works"],
                               input: Self.staff.password + "\n").status == 0)
        let admin = try hub.logIn(Self.admin.login, Self.admin.password)
        let staff = try hub.logIn(Self.staff.login, Self.staff.password)
        let database = try PostgresConnection(conninfo: url)
        func submit(_ description: String, kecamatan: String = "Cibeunying") throws -> String {
            try hub.submitted(["category": "pekerjaan-umum", "description": description, "kecamatan": kecamatan])
        }

        let before = try submit("Jalan berlubang sebelum perubahan")
        #expect(try workingDays(before, on: database) == (3, true), "the shipped verification deadline: 3 working days")
        let listed = try hub.get("/api/v1/staff/admin/deadlines", token: admin)
        #expect(listed.status == 200)
        let items = listed.jsonObject["items"] as? [[String: Any]] ?? []
        #expect(items.first { $0["id"] as? String == "verify" }?["working_days"] as? Int == 3, "\(listed.text)")

        let changed = try hub.patch("/api/v1/staff/admin/deadlines/verify", json: ["working_days": 7], token: admin)
        #expect(changed.status == 200 && changed.jsonObject["working_days"] as? Int == 7, "\(changed.text)")
        let beforeDue = try due(before, on: database)
        let after = try submit("Jalan berlubang sesudah perubahan")
        #expect(try workingDays(after, on: database) == (7, true), "the next case is due 7 working days after it came in")
        #expect(try due(before, on: database) == beforeDue, "the case before keeps its deadline")

        // A holiday on the next case's deadline moves it a working day further.
        let holidayDay = try database.query("select (due_at at time zone 'Asia/Jakarta')::date::text as d from complaints where tracking_code = $1",
                                            [after])[0]["d"] ?? ""
        let holiday = try hub.post("/api/v1/staff/admin/holidays", json: ["day": holidayDay, "name_id": "Cuti bersama uji",
                                                                          "name_en": "Test collective leave", "kind": "cuti_bersama"], token: admin)
        #expect(holiday.status == 201 && holiday.jsonObject["id"] as? String == holidayDay, "\(holiday.text)")
        let third = try submit("Jalan berlubang sesudah hari libur")
        let thirdDue = try database.query("select (due_at at time zone 'Asia/Jakarta')::date::text as d from complaints where tracking_code = $1",
                                          [third])[0]["d"] ?? ""
        #expect(try workingDays(third, on: database) == (7, true) && thirdDue > holidayDay, "the holiday is not counted: due \(thirdDue)")

        // An agency in another time zone: its deadlines end at the same local time there.
        #expect(try hub.patch("/api/v1/staff/admin/agencies/dpupr", json: ["time_zone": "WIT"], token: admin).status == 200)
        let eastern = try submit("Jalan berlubang di wilayah WIT")
        #expect(try workingDays(eastern, zone: "Asia/Jayapura", on: database) == (7, true), "counted in WIT local time")

        // A route by place added through intake routes the next submission from that kecamatan at once
        // (the module that takes it in is another process).
        let route = try hub.post("/api/v1/staff/admin/routes", json: ["category": "pekerjaan-umum", "kecamatan": "Lembang",
                                                                      "module": "social", "agency": "dinsos"], token: admin)
        #expect(route.status == 201 && route.jsonObject["id"] as? String == "pekerjaan-umum:Lembang", "\(route.text)")
        let routed = try submit("Lansia di kolong jembatan Lembang", kecamatan: "Lembang")
        #expect(try database.query("select agency_code from complaints where tracking_code = $1", [routed])[0]["agency_code"] == "dinsos")

        // A new category and its route, added through intake, reach the gateway's copy of the
        // categories at once (it was read just before), not after its 30 seconds.
        func listsCategory() throws -> Bool {
            let categories = try hub.get("/api/v1/categories").jsonObject["categories"] as? [[String: Any]] ?? []
            return categories.contains { $0["code"] as? String == "air-bersih" }
        }
        #expect(try !listsCategory())
        #expect(try hub.post("/api/v1/staff/admin/categories", json: ["code": "air-bersih", "name_id": "Air Bersih", "name_en": "Clean water",
                                                                      "keyword": "AIR", "position": 14], token: admin).status == 201)
        #expect(try hub.post("/api/v1/staff/admin/routes", json: ["category": "air-bersih", "module": "public-works", "agency": "dpupr"],
                             token: admin).status == 201)
        var seen = false
        for _ in 0..<50 where !seen {
            seen = try listsCategory()
            if !seen { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(seen, "the gateway lists the new category within 5 seconds")

        // Refused, with nothing stored.
        let counts = "select (select count(*) from category_area_routes) || '/' || (select count(*) from agencies) || '/' || (select count(*) from holidays) || '/' || (select string_agg(working_days::text, ',' order by kind) from service_levels) as n"
        let stored = try database.query(counts)[0]["n"]
        let refusals: [(String, String, [String: Any], Int, String)] = [
            ("POST", "/api/v1/staff/admin/routes", ["category": "pekerjaan-umum", "kecamatan": "Parongpong", "module": "social", "agency": "tidak-ada"], 400, "unknown_reference"),
            ("POST", "/api/v1/staff/admin/agencies", ["code": "dinsos", "name_id": "Dinas Sosial lagi", "name_en": "Social again"], 409, "duplicate"),
            ("POST", "/api/v1/staff/admin/holidays", ["day": "2027-02-30", "name_id": "Tidak ada", "name_en": "None"], 400, "invalid_field"),
            ("PATCH", "/api/v1/staff/admin/deadlines/follow_up", ["working_days": 0], 400, "invalid_field"),
            ("PATCH", "/api/v1/staff/admin/deadlines/follow_up", ["working_days": -2], 400, "invalid_field"),
            ("PATCH", "/api/v1/staff/admin/deadlines/verify", ["kind": "follow_up"], 400, "field_not_editable"),
            ("PATCH", "/api/v1/staff/admin/deadlines/nope", ["working_days": 4], 404, "not_found"),
            ("POST", "/api/v1/staff/admin/agencies", ["code": "dinas-baru", "name_id": "Dinas Baru"], 400, "missing_field"),
            ("POST", "/api/v1/staff/admin/agencies", ["code": "dinas-baru", "name_id": "Dinas Baru", "name_en": "New", "colour": "red"], 400, "unknown_field"),
            ("GET", "/api/v1/staff/admin/planets", [:], 404, "unknown_kind"),
        ]
        for (method, path, body, status, code) in refusals {
            let response = method == "PATCH" ? try hub.patch(path, json: body, token: admin)
                : method == "GET" ? try hub.get(path, token: admin) : try hub.post(path, json: body, token: admin)
            #expect(response.status == status, "\(method) \(path) \(body): \(response.status) \(response.text)")
            #expect((response.jsonObject["error"] as? [String: Any])?["code"] as? String == code, "\(method) \(path): \(response.text)")
        }
        #expect(try database.query(counts)[0]["n"] == stored, "a refused change stores nothing")
        #expect(try hub.post("/api/v1/staff/admin/holidays", json: ["day": "2027-03-01", "name_id": "X", "name_en": "X"],
                             token: staff).status == 403, "staff may not change reference data")

        // Every change is in the audit log with the admin, before and after.
        let audited = try database.query("""
            select a.action, a.before->>'working_days' as before_days, a.after->>'working_days' as after_days, s.login
              from audit_log a join staff_accounts s on s.id = a.account_id
             where a.action like 'reference_%' order by a.id
            """)
        #expect(audited.map { $0["action"] ?? "" } == ["reference_changed", "reference_created", "reference_changed", "reference_created",
                                                           "reference_created", "reference_created"])
        #expect(audited.first?["before_days"] == "3" && audited.first?["after_days"] == "7" && audited.first?["login"] == Self.admin.login)
    }
}
