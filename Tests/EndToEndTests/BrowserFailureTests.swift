import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// A browser never gets a JSON error body: when a module is down, the rate limiter refuses or the
/// gateway fails, the citizen and staff pages answer with a page in the reader's language, the same
/// status, and nothing half-stored. The JSON API keeps its JSON errors.
@Suite(.serialized)
struct BrowserFailureTests {
    func expectPage(_ response: HTTPResponse, status: Int, saying text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.headers["Content-Type"]?.hasPrefix("text/html") == true, "\(response.headers["Content-Type"] ?? "-")",
                sourceLocation: sourceLocation)
        #expect(response.text.contains(text), "\(response.text.prefix(400))", sourceLocation: sourceLocation)
        #expect(!response.text.contains("{\"error\""), sourceLocation: sourceLocation)
        #expect(response.headers["Cache-Control"] == "no-store", sourceLocation: sourceLocation)
    }

    @Test func aModuleThatIsDownGivesThePagesAPageAndTheAPIItsJSON() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url, services: ["gateway", "public-works"])
        let form = "category=komoditas&description=Harga+minyak+goreng+naik"
        let submitted = try hub.post("/complaints", raw: form, contentType: "application/x-www-form-urlencoded")
        expectPage(submitted, status: 502, saying: "Layanan sedang tidak tersedia")
        let english = try hub.post("/complaints?lang=en", raw: form, contentType: "application/x-www-form-urlencoded")
        expectPage(english, status: 502, saying: "The service is unavailable")
        expectPage(try hub.get("/staff/login"), status: 502, saying: "Layanan sedang tidak tersedia")
        expectPage(try hub.get("/staff/login"), status: 502, saying: "Ruang Petugas")

        let api = try hub.post("/api/v1/complaints", json: ["category": "komoditas", "description": "Harga naik"])
        #expect(api.status == 502)
        #expect((api.jsonObject["error"] as? [String: Any])?["code"] as? String == "upstream_unavailable")
        let stored = try PostgresConnection(conninfo: url).query("select count(*)::int as n from complaints")[0].decode("n", as: Int.self)
        #expect(stored == 0, "nothing was acknowledged, nothing is stored")
    }

    @Test func theRateLimiterRefusesBrowsersWithAPageThatSaysWhenToComeBack() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["gateway", "intake"],
                                 environment: ["HUB_TRACK_RATE_PER_MINUTE": "1", "HUB_TRACK_BURST": "1"])
        #expect(try hub.get("/track/ABCDEFGHJKMNP").status == 404)
        let refused = try hub.get("/track/ABCDEFGHJKMNP")
        expectPage(refused, status: 429, saying: "Terlalu banyak permintaan")
        #expect(Int(refused.headers["Retry-After"] ?? "") ?? 0 >= 1)
    }
}
