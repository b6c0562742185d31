import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// A request that fans out (Si Dukun 3-in-1) through the gateway, with the real services: the
/// newborn's request becomes one case at the hospital, one at the civil registry (both worked at
/// intake's desk) and one at BPJS (worked in the social module); each agency sees and works only its
/// own, the parent is never worked and closes only when the last child closes, and the citizen follows
/// everything by the one code.
@Suite(.serialized)
struct FanOutTests {
    enum Who: String, CaseIterable {
        case hospital = "petugas.rs", civilRegistry = "petugas.capil", bpjs = "petugas.bpjs", publicWorks = "petugas.pu"
        case admin = "admin.fanout", inspector = "inspektur"

        var arguments: [String] {
            switch self {
            case .hospital: return ["--role", "staff", "--module", "intake", "--categories", "kesehatan"]
            case .civilRegistry: return ["--role", "staff", "--module", "intake", "--categories", "kependudukan"]
            case .bpjs: return ["--role", "staff", "--module", "social", "--categories", "sosial"]
            case .publicWorks: return ["--role", "staff", "--module", "public-works"]
            case .admin: return ["--role", "admin"]
            case .inspector: return ["--role", "inspector"]
            }
        }

        var password: String { "sandi-\(rawValue)-01" }
    }

    enum Target: CaseIterable {
        case parent, hospitalPart, civilRegistryPart, bpjsPart
    }

    /// The access matrix of a fanned-out request: the status of `GET /api/v1/staff/cases/{code}`
    /// for each account and case (`StaffAccess.canSee`: each agency's staff see their own part only;
    /// the parent is the civil registry's category at intake), and of a staff action on the parent
    /// (409 `parent_case` for whoever sees it, the same 404 as an unknown case for the rest).
    static let sees: [Who: Set<Target>] = [
        .hospital: [.hospitalPart],
        .civilRegistry: [.parent, .civilRegistryPart],
        .bpjs: [.bpjsPart],
        .publicWorks: [],
        .admin: Set(Target.allCases),
        .inspector: Set(Target.allCases),
    ]

    static let description = "Bayi kami lahir 1 Desember di RSUD; mohon akta kelahiran, KK dan BPJS-nya."

    @Test func eachAgencyWorksItsOwnPartAndTheParentClosesOnlyWithTheLastOne() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        var tokens: [Who: String] = [:]
        for who in Who.allCases {
            let made = try hub.hubctl(["user", "add", who.rawValue] + who.arguments, input: who.password + "\n")
            #expect(made.status == 0, "hubctl user add \(who.rawValue): \(made.output)")
            tokens[who] = try hub.logIn(who.rawValue, who.password)
        }
        let database = try PostgresConnection(conninfo: url)

        // The citizen asks once, by the subcategory that maps to the newborn's request type.
        let created = try hub.post("/api/v1/complaints", json: [
            "category": "kependudukan", "subcategory": "bayi-baru-lahir", "description": Self.description,
            "kelurahan": "Sukamaju", "anonymous": false, "confidential": false, "contact": ["email": "siti@example.org"],
            "photos": [Data(SamplePhotos.png).base64EncodedString()],
        ])
        #expect(created.status == 201, "\(created.text.prefix(300))")
        let code = try #require(created.jsonObject["tracking_code"] as? String)
        let view = try hub.waitForPublicView(code, "every agency took its part in") { view in
            let parts = view["parts"] as? [[String: Any]] ?? []
            return parts.count == 3 && parts.allSatisfy { $0["status"] as? String == "dispatched" }
        }
        #expect(view["status"] as? String == "dispatched")
        let parts = view["parts"] as? [[String: Any]] ?? []
        #expect(parts.map { $0["agency"] as? String } == ["rsud", "disdukcapil", "bpjs-kesehatan"])
        #expect(parts.allSatisfy { $0["due_at"] is String }, "each part under its own deadline: \(parts)")
        let rows = try database.query("select tracking_code, agency_code from complaints where parent_id = (select id from complaints where tracking_code = $1)", [code])
        var child: [Target: String] = [.parent: code]
        for row in rows {
            switch row["agency_code"] {
            case "rsud": child[.hospitalPart] = row["tracking_code"]
            case "disdukcapil": child[.civilRegistryPart] = row["tracking_code"]
            case "bpjs-kesehatan": child[.bpjsPart] = row["tracking_code"]
            default: Issue.record("an unexpected part \(row)")
            }
        }
        #expect(child.count == 4)

        // The access matrix: each agency sees its own part; staff actions on the parent are refused.
        for who in Who.allCases {
            for target in Target.allCases {
                let visible = Self.sees[who, default: []].contains(target)
                let response = try hub.get("/api/v1/staff/cases/\(child[target] ?? "")", token: tokens[who])
                #expect(response.status == (visible ? 200 : 404), "\(who) GET \(target): \(response.status)")
            }
            let queue = (try hub.get("/api/v1/staff/queue", token: tokens[who]).jsonObject["cases"] as? [[String: Any]] ?? [])
                .compactMap { $0["tracking_code"] as? String }
            let expectedQueue = Set(Self.sees[who, default: []].subtracting([.parent]).compactMap { child[$0] })
            if who != .inspector && who != .admin {
                #expect(Set(queue) == expectedQueue, "\(who)'s queue lists its own part only, never the parent: \(queue)")
            }
            let refused = try hub.post("/api/v1/staff/cases/\(code)/claim", token: tokens[who])
            let expected = Self.sees[who, default: []].contains(.parent) ? (409, "parent_case") : (404, "case_not_found")
            #expect(refused.status == expected.0 && (refused.jsonObject["error"] as? [String: Any])?["code"] as? String == expected.1,
                    "\(who) claims the parent: \(refused.status) \(refused.text.prefix(200))")
        }

        // The case page offers the civil registry its own part's next steps, and none on the parent.
        let browser = PageClient(hub)
        _ = try browser.logIn(Who.civilRegistry.rawValue, Who.civilRegistry.password)
        let parentPage = try browser.get("/staff/cases/\(code)")
        #expect(parentPage.status == 200 && !parentPage.text.contains("id=\"action-"), "no action offered on the parent")
        let partPage = try browser.get("/staff/cases/\(child[.civilRegistryPart] ?? "")").text
        #expect(partPage.contains("id=\"action-claim\"") && !partPage.contains("id=\"action-ask\""))

        // Each part shows what the reporter gave with the request: the photo, the contact, the request's parts.
        let photoPath = try #require(partPage.firstMatch(of: /src="(\/staff\/cases\/[A-Z0-9]+\/photos\/[0-9]+)"/).map { String($0.1) },
                                     "the part's page shows the request's photo")
        let photo = try browser.get(photoPath)
        #expect(photo.status == 200 && photo.headers["Content-Type"] == "image/png", "\(photoPath): \(photo.status)")
        #expect(partPage.contains("id=\"request\"") && partPage.contains("Layanan 3-in-1 bayi baru lahir")
                && partPage.contains("Rumah Sakit Umum Daerah") && partPage.contains("BPJS Kesehatan"))
        #expect(partPage.contains("siti@example.org"), "the reporter's contact, to reach them about this part")
        let partJSON = try hub.get("/api/v1/staff/cases/\(child[.bpjsPart] ?? "")", token: tokens[.bpjs]).jsonObject
        #expect((partJSON["reporter"] as? [String: Any])?["email"] as? String == "siti@example.org", "\(partJSON["reporter"] ?? "-")")
        let hospitalView = PageClient(hub)
        _ = try hospitalView.logIn(Who.hospital.rawValue, Who.hospital.password)
        #expect(try hospitalView.get(photoPath).status == 404, "another agency's part: its photo path is not the hospital's")

        // A question on a part would reach nobody (the reporter follows the request): refused, nothing stored.
        let asked = try hub.post("/api/v1/staff/cases/\(child[.hospitalPart] ?? "")/ask", json: ["question": "Nomor KK?"],
                                 token: tokens[.hospital])
        #expect(asked.status == 409 && (asked.jsonObject["error"] as? [String: Any])?["code"] as? String == "part_not_asked",
                "\(asked.status) \(asked.text.prefix(200))")

        func act(_ target: Target, _ action: String, _ body: [String: Any] = [:], as who: Who) throws {
            let response = try hub.post("/api/v1/staff/cases/\(child[target] ?? "")/\(action)", json: body, token: tokens[who])
            #expect(response.status == 200, "\(who) \(action) \(target): \(response.text.prefix(300))")
        }
        func publicStatus() throws -> (parent: String?, parts: [String?]) {
            let now = try hub.get("/api/v1/complaints/\(code)").jsonObject
            return (now["status"] as? String, (now["parts"] as? [[String: Any]] ?? []).map { $0["status"] as? String })
        }

        // Each agency works its own part through the normal lifecycle.
        try act(.hospitalPart, "claim", as: .hospital)
        #expect(try publicStatus() == ("in_progress", ["in_progress", "dispatched", "dispatched"]))
        try act(.hospitalPart, "resolve", ["note": "Surat keterangan lahir sudah terbit."], as: .hospital)
        try act(.hospitalPart, "close", as: .hospital)
        try act(.civilRegistryPart, "verify", as: .civilRegistry)
        try act(.civilRegistryPart, "claim", as: .civilRegistry)
        try act(.civilRegistryPart, "resolve", ["note": "Akta dan KK sudah terbit."], as: .civilRegistry)
        try act(.civilRegistryPart, "close", as: .civilRegistry)
        #expect(try publicStatus() == ("in_progress", ["closed", "closed", "dispatched"]), "BPJS has yet to work its part")
        try act(.bpjsPart, "claim", as: .bpjs)
        try act(.bpjsPart, "resolve", ["note": "Kartu BPJS bayi sudah aktif."], as: .bpjs)
        #expect(try publicStatus() == ("resolved", ["closed", "closed", "resolved"]))
        try act(.bpjsPart, "close", as: .bpjs)
        #expect(try publicStatus() == ("closed", ["closed", "closed", "closed"]), "the last part closed: the request is done")

        // The citizen's timeline: the parent's own steps, one per change of its status, and each
        // agency's public word on its part (here its resolution), by the agency's public name.
        let final = try hub.get("/api/v1/complaints/\(code)").jsonObject
        let timeline = final["timeline"] as? [[String: Any]] ?? []
        #expect(timeline.map { $0["kind"] as? String } == ["submitted", "parts_progressed", "parts_progressed", "note", "note",
                                                         "parts_progressed", "parts_progressed"])
        #expect(timeline.map { $0["status"] as? String } == ["received", "dispatched", "in_progress", "in_progress", "in_progress",
                                                           "resolved", "closed"])
        #expect(timeline.compactMap { $0["note"] as? String } == [
            "Rumah Sakit Umum Daerah: Surat keterangan lahir sudah terbit.",
            "Dinas Kependudukan dan Pencatatan Sipil: Akta dan KK sudah terbit.",
            "BPJS Kesehatan: Kartu BPJS bayi sudah aktif.",
        ])
        let page = try hub.get("/track/\(code)").text
        for name in ["Rumah Sakit Umum Daerah", "Dinas Kependudukan dan Pencatatan Sipil", "BPJS Kesehatan"] {
            #expect(page.contains(name), "the tracking page names \(name)")
        }
        #expect(page.contains("id=\"parts\"") && !page.contains("id=\"feedback\""))
        let english = try hub.get("/track/\(code)?lang=en").text
        #expect(english.contains("Regional general hospital") && english.contains("Progress at each agency"))
    }
}
