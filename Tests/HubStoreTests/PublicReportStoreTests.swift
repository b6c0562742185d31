import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

/// The public's reads of the reports (migration 041), on the fixture regency, read as the gateway's
/// own role: listed reports by area, category and status newest first with a keyset, confidential
/// ones only counted, one report's page by its public id, the map's outlines and hotspots.
struct PublicReportStoreTests {
    struct Regency {
        let owner: PostgresConnection
        /// The gateway's login: public views only.
        let gateway: PostgresConnection
        /// Request ids by a short name.
        var ids: [String: Int64] = [:]
    }

    /// Five reports: three public (two in Sukamaju, one a hazard in Cibodas), a confidential one in
    /// Sukamaju and one with the inspectorate in Mekarsari.
    func regency() throws -> Regency {
        let url = try TestCluster.shared().migratedDatabase()
        var regency = Regency(owner: try PostgresConnection(conninfo: url),
                              gateway: try PostgresConnection(conninfo: TestCluster.url(url, role: "hub_gateway")))
        try KabupatenContoh.load(on: regency.owner)
        let reports: [(String, ComplaintSubmission, String)] = [
            ("road", .init(category: "pekerjaan-umum", description: "Jalan berlubang di depan pasar", location: "Pasar Sukamaju",
                           lat: -6.55, lon: 106.72, confidential: false, channel: .api), KabupatenContoh.sukamaju),
            ("school", .init(category: "pendidikan", description: "Atap kelas bocor", confidential: false, channel: .api), KabupatenContoh.sukamaju),
            ("flood", .init(category: "pekerjaan-umum", subcategory: "drainase", description: "Banjir setinggi lutut", lat: -6.55, lon: 106.82,
                            confidential: false, channel: .api), KabupatenContoh.cibodas),
            ("secret", .init(category: "pekerjaan-umum", description: "Rahasia: pungutan di proyek jalan", location: "Gudang rahasia",
                             lat: -6.56, lon: 106.71, confidential: true, channel: .api), KabupatenContoh.sukamaju),
            ("misconduct", .init(category: "perizinan", description: "Oknum meminta uang pelicin", confidential: false, channel: .api),
             KabupatenContoh.mekarsari),
        ]
        for (name, submission, kelurahan) in reports {
            let code = try regency.owner.transaction { try ComplaintStore.submit(submission.validated(on: $0), on: $0).trackingCode.value }
            try KabupatenContoh.place(code, in: kelurahan, on: regency.owner)
            regency.ids[name] = try regency.owner.query("select id from complaints where tracking_code = $1", [code])[0].decode("id")
        }
        try regency.owner.query("update complaints set inspectorate = true where id = $1", [regency.ids["misconduct"]!])
        return regency
    }

    func page(_ query: PublicReportQuery, _ regency: Regency) throws -> [Int64] {
        try PublicReportStore.page(query, on: regency.gateway).reports.map(\.id)
    }

    @Test func listsOnlyReportsThatAreNeitherConfidentialNorWithTheInspectorateNewestFirst() throws {
        let regency = try regency()
        let ids = regency.ids
        #expect(try page(.init(limit: 10), regency) == [ids["flood"]!, ids["school"]!, ids["road"]!])
        #expect(try page(.init(area: RegionCode(KabupatenContoh.sukamajuKecamatan), limit: 10), regency) == [ids["school"]!, ids["road"]!],
                "a kecamatan covers its desa")
        #expect(try page(.init(area: RegionCode(KabupatenContoh.cibodas), limit: 10), regency) == [ids["flood"]!])
        #expect(try page(.init(category: "pekerjaan-umum", limit: 10), regency) == [ids["flood"]!, ids["road"]!])
        #expect(try page(.init(status: .resolved, limit: 10), regency) == [])
        #expect(try page(.init(status: .received, limit: 10), regency).count == 3)

        let sukamaju = PublicReportQuery(area: RegionCode(KabupatenContoh.sukamajuKecamatan), limit: 10)
        #expect(try PublicReportStore.unlistedCount(sukamaju, on: regency.gateway) == 2, "the confidential and the inspectorate's, counted")
        #expect(try PublicReportStore.unlistedCount(.init(area: RegionCode(KabupatenContoh.cibodas), limit: 10), on: regency.gateway) == 0)
        #expect(try PublicReportStore.unlistedCount(.init(category: "perizinan", limit: 10), on: regency.gateway) == 1)
    }

    @Test func pagesFollowTheCursorToTheEndWithoutRepeatsEvenWithinOneMoment() throws {
        let regency = try regency()
        // Stored in one transaction, reports share their moment: the id orders them.
        try regency.owner.query("update complaints set created_at = '2026-01-05T03:00:00Z'")
        var seen: [Int64] = []
        var query = PublicReportQuery(limit: 2)
        while true {
            let (reports, next) = try PublicReportStore.page(query, on: regency.gateway)
            seen += reports.map(\.id)
            guard let next else { break }
            query.after = PublicReportCursor(next.description)
        }
        #expect(seen == [regency.ids["flood"]!, regency.ids["school"]!, regency.ids["road"]!])
    }

    @Test func aReportsPublicPageCarriesItsTimelineAndNoCodeWhileConfidentialOnesHaveNone() throws {
        let regency = try regency()
        let road = try #require(try PublicReportStore.detail(id: regency.ids["road"]!, on: regency.gateway))
        #expect(road.report.description == "Jalan berlubang di depan pasar" && road.report.location == "Pasar Sukamaju")
        #expect(road.report.point == GeoPoint(lon: 106.72, lat: -6.55))
        #expect(road.report.kelurahan == NamedRegion(code: RegionCode(KabupatenContoh.sukamaju)!, name: "Sukamaju"))
        #expect(road.timeline.map(\.kind) == [.submitted])
        let flood = try #require(try PublicReportStore.detail(id: regency.ids["flood"]!, on: regency.gateway))
        #expect(flood.report.hazard && flood.report.subcategory == "drainase")
        #expect(try PublicReportStore.detail(id: regency.ids["secret"]!, on: regency.gateway) == nil)
        #expect(try PublicReportStore.detail(id: regency.ids["misconduct"]!, on: regency.gateway) == nil)
        #expect(try PublicReportStore.detail(id: 999_999, on: regency.gateway) == nil)

        // The views hold no tracking code and the confidential case's text and place nowhere.
        let columns = try regency.owner.query("""
            select table_name, column_name from information_schema.columns
             where table_name in ('public_reports', 'public_report_tallies', 'public_report_events', 'public_report_photos', 'public_regions')
            """).map { "\($0["table_name"]!).\($0["column_name"]!)" }
        #expect(!columns.contains { $0.hasSuffix("tracking_code") || $0.contains("contact") || $0.contains("reporter") }, "\(columns)")
        let secret = try regency.gateway.query("select description, location, lat, lon from public_reports where request_id = $1",
                                               [regency.ids["secret"]!])[0]
        #expect(secret["description"] == nil && secret["location"] == nil && secret["lat"] == nil && secret["lon"] == nil)
    }

    @Test func hotspotsCountOpenReportsPerDesaAndCategoryConfidentialOnesTooWithTheirHazards() throws {
        let regency = try regency()
        let spots = try PublicReportStore.hotspots(category: nil, on: regency.gateway)
        let table = Dictionary(uniqueKeysWithValues: spots.map { ("\($0.kelurahan.value) \($0.category)", ($0.count, $0.hazards)) })
        #expect(table.count == 4)
        #expect(table["\(KabupatenContoh.sukamaju) pekerjaan-umum"]! == (2, 0))
        #expect(table["\(KabupatenContoh.sukamaju) pendidikan"]! == (1, 0))
        #expect(table["\(KabupatenContoh.cibodas) pekerjaan-umum"]! == (1, 1))
        #expect(table["\(KabupatenContoh.mekarsari) perizinan"]! == (1, 0))
        try regency.owner.query("update complaints set status = 'closed' where id = $1", [regency.ids["road"]!])
        let open = try PublicReportStore.hotspots(category: "pekerjaan-umum", on: regency.gateway)
        #expect(open.map(\.count) == [1, 1], "closed reports leave the hotspots: \(open)")
    }

    @Test func outlinesAreTheRegionsBoundariesSimplifiedAndTheExtentCoversThem() throws {
        let regency = try regency()
        let extent = try #require(try PublicReportStore.extent(on: regency.gateway))
        #expect(extent == GeoBounds(west: 106.7, south: -6.6, east: 106.93, north: -6.48))
        let outlines = try PublicReportStore.outlines(tolerance: 0.0001, on: regency.gateway)
        #expect(outlines.map(\.code.value) == ["99.01.01", "99.01.02", "99.01.01.1002", "99.01.01.2001", "99.01.02.2001", "99.01.02.2002"])
        let pasirjaya = try #require(outlines.last)
        #expect(pasirjaya.polygons.count == 2, "the desa and its island")
        #expect(pasirjaya.kind == .desa && outlines[2].kind == .kelurahan)
        let points = try PublicReportStore.openPoints(.init(limit: 10), on: regency.gateway)
        #expect(points.map(\.id) == [regency.ids["flood"]!, regency.ids["road"]!], "open, listed, with a point")
    }
}
