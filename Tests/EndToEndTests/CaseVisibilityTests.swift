import Foundation
import HTTP
import TestSupport
import Testing

/// Every route that reaches a case by its tracking code, in any module, goes through the same
/// visibility rule as the case page: a case the account may not open is not booked, merged into,
/// or shown as a link.
@Suite(.serialized)
struct CaseVisibilityTests {
    static let password = "sandi-lihat-0001"

    func accounts(_ hub: RunningHub, _ list: [(String, [String])]) throws {
        for (login, arguments) in list {
            let made = try hub.hubctl(["user", "add", login] + arguments, input: Self.password + "\n")
            #expect(made.status == 0, "\(login): \(made.output)")
        }
    }

    func notes(_ hub: RunningHub, _ code: String) throws -> [String] {
        (try hub.get("/api/v1/complaints/\(code)").jsonObject["timeline"] as? [[String: Any]])?.compactMap { $0["note"] as? String } ?? []
    }

    @Test func kirBookingsOnlyReachCasesTheAccountMayOpen() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase())
        try accounts(hub, [("kir.petugas", ["--role", "staff", "--module", "kir"]), ("kir.kepala", ["--role", "supervisor", "--module", "kir"]),
                           ("kir.parkir", ["--role", "staff", "--module", "kir", "--sub-unit", "dishub-parkir"]),
                           ("admin.kir", ["--role", "admin"]), ("insp.kir", ["--role", "inspector"])])
        let staff = try hub.logIn("kir.petugas", Self.password)
        let subUnit = try hub.logIn("kir.parkir", Self.password)
        let admin = try hub.logIn("admin.kir", Self.password)
        let inspector = try hub.logIn("insp.kir", Self.password)
        let slot = try hub.post("/api/v1/staff/kir/slots", json: ["starts_at": "2031-02-03T09:00:00+07:00", "capacity": 10],
                                token: try hub.logIn("kir.kepala", Self.password))
        let slotID = try #require(slot.jsonObject["id"] as? Int, "\(slot.text)")
        let appointment = "Jadwal uji KIR: 2031-02-03 09.00 WIB / KIR test appointment"

        // A case not disposed to the sub-unit: its account cannot open it, so it cannot book it either.
        let ordinary = try hub.submitted(["category": "perhubungan", "description": "Minta jadwal uji berkala bus"])
        #expect(try hub.get("/api/v1/staff/cases/\(ordinary)", token: subUnit).status == 404)
        let bySubUnit = try hub.post("/api/v1/staff/kir/bookings", json: ["tracking_code": ordinary, "slot_id": slotID], token: subUnit)
        #expect(bySubUnit.status == 404, "\(bySubUnit.text)")
        #expect(try notes(hub, ordinary).contains(appointment) == false)

        // An inspectorate case is the inspectors' alone: an admin adds no public note to it through a booking.
        let misconduct = try hub.submitted(["category": "perhubungan", "description": "Pungli di loket uji KIR"])
        #expect(try hub.post("/api/v1/staff/cases/\(misconduct)/escalate", json: ["inspectorate": true, "reason": "Dugaan pungli"],
                             token: inspector).status == 200)
        #expect(try hub.get("/api/v1/staff/cases/\(misconduct)", token: admin).status == 404)
        let byAdmin = try hub.post("/api/v1/staff/kir/bookings", json: ["tracking_code": misconduct, "slot_id": slotID], token: admin)
        #expect(byAdmin.status == 404, "\(byAdmin.text)")
        #expect(try notes(hub, misconduct).contains(appointment) == false)

        // Those who may open the case book it.
        #expect(try hub.post("/api/v1/staff/kir/bookings", json: ["tracking_code": ordinary, "slot_id": slotID], token: staff).status == 200)
        #expect(try notes(hub, ordinary).contains(appointment))
    }

    @Test func duplicateLinksAndMergesKeepToCasesTheAccountMaySee() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase())
        try accounts(hub, [("pu.sukamaju", ["--role", "staff", "--module", "public-works", "--area", "Sukamaju"]),
                           ("pu.sukasari", ["--role", "staff", "--module", "public-works", "--area", "Sukasari"]),
                           ("pu.semua", ["--role", "staff", "--module", "public-works"])])
        let sukamaju = try hub.logIn("pu.sukamaju", Self.password)
        let sukasari = try hub.logIn("pu.sukasari", Self.password)
        let everyone = try hub.logIn("pu.semua", Self.password)
        func casePage(_ code: String, _ token: String) throws -> String {
            try hub.request("GET", "/staff/cases/\(code)", headers: [("Cookie", "hub_session=\(token)")]).text
        }

        // Two reports of one broken road at the border: the second is linked to the first.
        let first = try hub.submitted(["category": "pekerjaan-umum", "description": "Jalan amblas di perbatasan",
                                        "kelurahan": "Sukamaju", "lat": -6.91, "lon": 107.61])
        let second = try hub.post("/api/v1/complaints", json: ["category": "pekerjaan-umum", "description": "Jalan amblas dekat tugu",
                                                               "kelurahan": "Sukasari", "lat": -6.91, "lon": 107.61])
        let secondCode = try #require(second.jsonObject["tracking_code"] as? String, "\(second.text)")
        let joinedPage = try casePage(first, everyone)
        #expect(joinedPage.contains("/staff/cases/\(secondCode)"), "the control: an account that sees both sees the link")

        let firstPage = try casePage(first, sukamaju)
        #expect(firstPage.contains("id=\"case-code\">\(first)<"))
        #expect(!firstPage.contains(secondCode), "the Sukamaju account may not open the Sukasari report")
        let secondPage = try casePage(secondCode, sukasari)
        #expect(secondPage.contains("id=\"case-code\">\(secondCode)<"))
        #expect(!secondPage.contains(first), "the Sukasari account may not open the Sukamaju report")

        // Merging into a case one may not see is refused as if the code were unknown.
        let other = try hub.submitted(["category": "pekerjaan-umum", "description": "Gorong-gorong tersumbat", "kelurahan": "Sukamaju"])
        let merge = try hub.post("/api/v1/staff/cases/\(other)/duplicate", json: ["duplicate_of": secondCode], token: sukamaju)
        #expect(merge.status == 400 && merge.text.contains("invalid_duplicate"), "\(merge.status) \(merge.text)")
        #expect(try hub.post("/api/v1/staff/cases/\(other)/duplicate", json: ["duplicate_of": first], token: sukamaju).status == 200)
    }
}
