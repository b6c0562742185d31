@testable import HubStore
import Complaints
import Postgres
import TestSupport
import Testing

/// The open public reports near a point (the form lists them before filing), read as the gateway:
/// nearest first within the radius, never a confidential, closed or far one, through the open cases'
/// GiST index however many complaints the hub holds.
struct PublicReportStoreNearbyTests {
    @Test func theOpenListedReportsWithinTheRadiusComeNearestFirst() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let owner = try PostgresConnection(conninfo: url)
        let gateway = try PostgresConnection(conninfo: TestCluster.url(url, role: "hub_gateway"))
        func report(_ description: String, lat: Double, lon: Double, category: String = "pekerjaan-umum", confidential: Bool = false) throws -> Int64 {
            let submission = ComplaintSubmission(category: category, description: description, lat: lat, lon: lon, confidential: confidential,
                                                 channel: .api)
            return try owner.transaction { try ComplaintStore.submit(submission.validated(on: $0), on: $0).id }
        }
        // About 11 m, 11 m, 55 m and 330 m north of the point (categories apart, so none joins another as its
        // duplicate), one confidential beside it and one closed.
        let near = try report("Lampu padam dekat sekali", lat: -6.5499, lon: 106.82)
        let school = try report("Atap sekolah bocor", lat: -6.5499, lon: 106.8199, category: "pendidikan")
        let further = try report("Antrean puskesmas panjang", lat: -6.5495, lon: 106.82, category: "kesehatan")
        _ = try report("Jalan rusak jauh", lat: -6.547, lon: 106.82)
        _ = try report("Rahasia di titik yang sama", lat: -6.55, lon: 106.82, category: "sosial", confidential: true)
        let closed = try report("Sudah selesai", lat: -6.5499, lon: 106.8201, category: "pariwisata")
        try owner.query("update complaints set status = 'closed' where id = $1", [closed])

        let here = GeoPoint(lon: 106.82, lat: -6.55)
        let found = try PublicReportStore.nearby(NearbyQuery(point: here), on: gateway)
        #expect(found.map(\.report.id) == [near, school, further] || found.map(\.report.id) == [school, near, further], "\(found.map(\.report.id))")
        #expect(found.allSatisfy { $0.metres <= NearbyQuery.radiusMetres } && found.last!.metres > 40 && found.last!.metres < 70)
        #expect(try PublicReportStore.nearby(NearbyQuery(point: here, category: "pekerjaan-umum"), on: gateway).map(\.report.id) == [near])
        #expect(try PublicReportStore.nearby(NearbyQuery(point: GeoPoint(lon: 106.9, lat: -6.55)), on: gateway).isEmpty)
    }

    @Test func theSearchGoesThroughTheOpenCasesGiSTIndex() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let owner = try PostgresConnection(conninfo: url)
        try owner.execute("""
            insert into complaints (tracking_code, category_code, module_code, agency_code, channel_code, status, description,
                                    lat, lon, anonymous, confidential)
            select upper('ABN' || lpad(to_hex(g), 10, '0')), r.category_code, r.module_code, r.agency_code, 'api',
                   case when g % 3 = 0 then 'closed' else 'in_progress' end, 'Laporan ' || g,
                   -6.0 - (g % 1000) * 0.001, 106.0 + (g / 1000) * 0.001, true, false
              from generate_series(1, 20000) g, (select * from category_routes order by category_code limit 1) r;
            analyze complaints;
            set plan_cache_mode = force_generic_plan;
            prepare nearby(float8, float8, float8, text, int) as \(PublicReportStore.SQL.nearby);
            """)
        let plan = try owner.query("explain (costs off) execute nearby(106.01, -6.5, 200, null, 5)")
            .map { row -> String in try row.decode("QUERY PLAN") }.joined(separator: "\n")
        #expect(plan.contains("complaints_open_geo_point"), "\(plan)")
    }
}
