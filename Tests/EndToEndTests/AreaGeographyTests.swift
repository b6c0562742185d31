import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// Areas as real geography with the real executables: `hubctl areas import FILE.geojson` loads the
/// made-up regency (a refused file stores nothing and exits non-zero), the gateway's form suggests
/// its names once the import is announced, and a complaint submitted through the gateway lies where
/// its point is.
struct AreaGeographyTests {
    @Test func importedRegionsPlaceSubmissionsAndAreSuggestedByTheForm() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let database = try PostgresConnection(conninfo: url)
        let hub = try RunningHub(databaseURL: url, services: ["gateway", "intake"])
        #expect(try !hub.get("/").text.contains("<datalist"), "no region known yet (and the form's copy is cached)")

        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("rusak-\(UUID().uuidString).geojson").path
        try #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "99.01.01.2001", "name": "X", "level": "desa", "parent": "99.01.01"}, "geometry": null}]}"#
            .write(toFile: broken, atomically: true, encoding: .utf8)
        let refused = try hub.hubctl(["areas", "import", broken])
        #expect(refused.status != 0 && refused.output.contains("features[0] (99.01.01.2001): geometry is missing"), "\(refused.output)")
        #expect(try database.query("select count(*)::int as n from regions")[0].decode("n", as: Int.self) == 0)

        let imported = try hub.hubctl(["areas", "import", KabupatenContoh.path])
        #expect(imported.status == 0, "\(imported.output)")
        #expect(imported.output.contains("imported 2 kecamatan and 4 desa/kelurahan"), "\(imported.output)")

        // The import is announced on reference_data: the gateway drops its copy (the notice arrives on its own connection).
        var form = ""
        for _ in 0..<50 {
            form = try hub.get("/").text
            if form.contains("<datalist id=\"kelurahan-names\">") { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(form.contains("<datalist id=\"kelurahan-names\"><option value=\"Cibodas\"><option value=\"Mekarsari\">"
                              + "<option value=\"Pasirjaya\"><option value=\"Sukamaju\"></datalist>"))

        let island = try hub.post("/api/v1/complaints", json: ["category": "kesehatan", "description": "Puskesmas pulau tutup",
                                                               "kelurahan": "Sukamaju", "lat": -6.575, "lon": 106.925])
        let named = try hub.post("/api/v1/complaints", json: ["category": "kesehatan", "description": "Antrean panjang",
                                                              "kelurahan": " MEKARSARI "])
        #expect(island.status == 201 && named.status == 201)
        for (response, kelurahan, kecamatan, name) in [(island, "99.01.02.2002", "99.01.02", "Pasirjaya"), (named, "99.01.01.1002", "99.01.01", "Mekarsari")] {
            let code = try #require(response.jsonObject["tracking_code"] as? String)
            let row = try database.query("select kelurahan_code, kecamatan_code, kelurahan from complaints where tracking_code = $1", [code])[0]
            #expect(row["kelurahan_code"] == kelurahan && row["kecamatan_code"] == kecamatan && row["kelurahan"] == name)
        }
    }
}
