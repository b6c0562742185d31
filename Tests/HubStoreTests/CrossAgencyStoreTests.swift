import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

/// The routing by place, the misconduct route to the inspectorate, the agency lookup forwarding needs,
/// and a forward written and swept back, on a real schema.
struct CrossAgencyStoreTests {
    /// Monday 2026-11-23 10:00 WIB.
    static let monday = Date(timeIntervalSince1970: 1_795_417_200)

    func submit(_ submission: ComplaintSubmission, on connection: PostgresConnection) throws -> Case {
        try connection.transaction { connection in
            let receipt = try ComplaintStore.submit(try submission.validated(on: connection), on: connection)
            return try #require(try CaseStore.find(receipt.trackingCode.value, on: connection))
        }
    }

    @Test func aKecamatanWithItsOwnRouteGoesToItsAgencyAndAnyOtherToTheDefault() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        try connection.query("""
            insert into category_area_routes (category_code, kecamatan, module_code, agency_code)
            values ('kesehatan', 'Cibeunying', 'social', 'dinsos')
            """)
        #expect(try CategoryStore.route(of: "kesehatan", kecamatan: "cibeunying ", on: connection)
            == CategoryRoute(category: "kesehatan", module: .social, agency: "dinsos"), "matched without regard to case or spaces")
        #expect(try CategoryStore.route(of: "kesehatan", kecamatan: "Coblong", on: connection)
            == CategoryRoute(category: "kesehatan", module: .intake, agency: "dinkes"))
        #expect(try CategoryStore.route(of: "kesehatan", on: connection)
            == CategoryRoute(category: "kesehatan", module: .intake, agency: "dinkes"))
        #expect(try CategoryStore.route(of: "tidak-ada", kecamatan: "Cibeunying", on: connection) == nil)
        let stored = try submit(ComplaintSubmission(category: "kesehatan", description: "Puskesmas tutup", kecamatan: "Cibeunying",
                                                    channel: .web), on: connection)
        #expect(stored.agency == "dinsos" && stored.module == .social && !stored.inspectorate)
    }

    @Test func aComplaintPlacedByItsPointAloneGoesToItsKecamatansAgency() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        try KabupatenContoh.load(on: connection)
        // One route written as the kecamatan's code, one as its name in other case and spacing.
        try connection.query("""
            insert into category_area_routes (category_code, kecamatan, module_code, agency_code)
            values ('kesehatan', '\(KabupatenContoh.tanjungsariKecamatan)', 'social', 'dinsos'),
                   ('sosial', '  sukamaju ', 'tourism', 'dinkes')
            """)
        let cibodas = KabupatenContoh.points[2], sukamaju = KabupatenContoh.points[0]
        let tapped = try submit(ComplaintSubmission(category: "kesehatan", description: "Puskesmas tutup", lat: cibodas.lat,
                                                    lon: cibodas.lon, channel: .web), on: connection)
        #expect(tapped.agency == "dinsos" && tapped.module == .social, "the map's point alone chose Tanjungsari's route")
        let typedElsewhere = try submit(ComplaintSubmission(category: "kesehatan", description: "Puskesmas tutup lagi", kecamatan: "Tanjungsari",
                                                            lat: sukamaju.lat, lon: sukamaju.lon, channel: .web), on: connection)
        #expect(typedElsewhere.agency == "dinkes" && typedElsewhere.module == .intake, "the point in Sukamaju wins over the typed name")
        let named = try submit(ComplaintSubmission(category: "sosial", description: "Bantuan belum cair", lat: sukamaju.lat, lon: sukamaju.lon,
                                                   channel: .web), on: connection)
        #expect(named.agency == "dinkes" && named.module == .tourism, "a route written as a name matches the placed kecamatan")
        let typedOnly = try submit(ComplaintSubmission(category: "kesehatan", description: "Obat habis", kecamatan: "tanjungsari", channel: .web),
                                   on: connection)
        #expect(typedOnly.agency == "dinsos", "a typed name places the complaint, and the place routes it")
        #expect(try CategoryStore.route(of: "kesehatan", placed: RegionCode(KabupatenContoh.tanjungsariKecamatan), on: connection)
            == CategoryRoute(category: "kesehatan", module: .social, agency: "dinsos"), "a change of category routes by the case's place")
    }

    @Test func aMisconductReportGoesToTheInspectorateConfidentialAndJoinsNoOpenCase() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        #expect(try CategoryStore.route(of: "perizinan", subcategory: "pungutan-liar", kecamatan: "Coblong", on: connection)
            == .inspectorate(category: "perizinan", agency: "inspektorat"))
        #expect(try CategoryStore.route(of: "perizinan", subcategory: "izin-usaha", on: connection)
            == CategoryRoute(category: "perizinan", module: .intake, agency: "dpmptsp"))
        let place = (lat: -6.9, lon: 107.6)
        let open = try submit(ComplaintSubmission(category: "perizinan", subcategory: "izin-usaha", description: "Izin lambat",
                                                  lat: place.lat, lon: place.lon, channel: .web), on: connection)
        let report = try submit(ComplaintSubmission(category: "perizinan", subcategory: "pungutan-liar",
                                                    description: "Diminta uang pelicin", lat: place.lat, lon: place.lon,
                                                    confidential: false, channel: .web), on: connection)
        #expect(report.inspectorate && report.agency == "inspektorat" && report.module == .intake)
        #expect(report.confidential, "the report is kept from the public view")
        #expect(report.status == .received, "not linked to the agency's open case \(open.trackingCode)")
        let later = try submit(ComplaintSubmission(category: "perizinan", subcategory: "izin-usaha", description: "Izin lambat juga",
                                                   lat: place.lat, lon: place.lon, channel: .web), on: connection)
        let joined = try connection.query("select j.tracking_code from complaints c join complaints j on j.id = c.duplicate_of where c.id = $1",
                                          [later.id]).first?["tracking_code"]
        #expect(joined == open.trackingCode, "a later report joins the agency's case, never the inspectorate's")
    }

    @Test func anAgencyIsFoundWithTheModuleItsRoutesName() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        #expect(try CategoryStore.agency("dinsos", on: connection)
            == Agency(code: "dinsos", nameID: "Dinas Sosial", nameEN: "Social services office", module: .social, categories: ["sosial"]))
        try connection.execute("""
            insert into category_area_routes (category_code, kecamatan, module_code, agency_code) values
                ('pekerjaan-umum', 'Lembang', 'social', 'dinsos')
            """)
        #expect(try CategoryStore.agency("dinsos", on: connection)?.categories == ["sosial", "pekerjaan-umum"],
                "its default routes' categories first, then those it works in some kecamatan")
        #expect(try CategoryStore.agency("inspektorat", on: connection)?.module == nil, "the inspectorate receives no forwards")
        #expect(try CategoryStore.agency("tidak-ada", on: connection) == nil)
        let receiving = try CategoryStore.receivingAgencies(connection).map(\.code)
        #expect(receiving.contains("dinsos") && receiving.contains("dpupr") && !receiving.contains("inspektorat"))
    }

    @Test func aForwardNobodyAnsweredIsSweptBackByTheReceivingModule() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let connection = try PostgresConnection(conninfo: url)
        let stored = try submit(ComplaintSubmission(category: "pekerjaan-umum", description: "Lansia di kolong jembatan", channel: .web),
                                on: connection)
        let account = try AccountStore.create(login: "petugas.pu", password: "sandi-pu-0001", role: .staff, module: .publicWorks,
                                              on: connection)
        let forwarded = try connection.transaction { connection in
            try CaseStore.perform(.dispatch, on: stored.trackingCode, by: .system, now: Self.monday, calendar: WorkingCalendar(),
                                  connection: connection)
            return try CaseStore.perform(.forward(to: "dinsos", reason: "Kewenangan dinas sosial."), on: stored.trackingCode,
                                         by: Acting(account.actor), now: Self.monday, calendar: WorkingCalendar(), connection: connection)
        }
        #expect(forwarded.after.status == .forwarded && forwarded.after.module == .social
                && forwarded.after.forwardedFrom == ForwardOrigin(agency: "dpupr", module: .publicWorks, category: "pekerjaan-umum"))
        #expect(try CaseStore.find(stored.trackingCode, on: connection)?.category == "sosial", "stored in the receiving agency's category")
        #expect(try OverdueSweeper.sweep(module: .social, now: Self.monday + 86_400, on: connection) == .init())
        let late = Self.monday + 6 * 86_400
        #expect(try OverdueSweeper.sweep(module: .publicWorks, now: late, on: connection) == .init(), "the receiving module sweeps it")
        #expect(try OverdueSweeper.sweep(module: .social, now: late, on: connection) == .init(returned: 1))
        let back = try #require(try CaseStore.find(stored.trackingCode, on: connection))
        #expect(back.status == .verified && back.agency == "dpupr" && back.module == .publicWorks && back.forwardedFrom == nil)
        #expect(back.category == "pekerjaan-umum", "back in its own category")
        let kinds = try CaseStore.timeline(caseID: stored.id, on: connection).map(\.kind)
        #expect(kinds == [.submitted, .dispatched, .forwarded, .note, .forwardReturned, .note])
    }
}
