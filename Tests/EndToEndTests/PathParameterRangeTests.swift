import Foundation
import HTTP
import TestSupport
import Testing

/// Every path parameter of every service is read through one typed accessor: a number past its
/// column's range or a code that cannot be one names nothing (404), never a database error (500).
@Suite(.serialized)
struct PathParameterRangeTests {
    @Test func outOfRangePathParametersAnswer404InEveryService() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase())
        #expect(try hub.hubctl(["user", "add", "insp.rentang", "--role", "inspector"], input: "sandi-rentang-01\n").status == 0)
        let token = try hub.logIn("insp.rentang", "sandi-rentang-01")
        let created = try hub.post("/api/v1/complaints", json: ["category": "pekerjaan-umum", "description": "Jalan berlubang",
                                                                "confidential": false])
        let code = try #require(created.jsonObject["tracking_code"] as? String, "\(created.text)")
        let huge = "319250886466", past = "9223372036854775808"
        for path in ["/api/v1/complaints/\(code)/resolution-photos/\(huge)", "/api/v1/complaints/\(code)/photos/\(huge)",
                     "/api/v1/complaints/\(code)/photos/-1", "/api/v1/photos/\(past)", "/api/v1/photos/0",
                     "/api/v1/complaints/\(huge)", "/track/\(huge)"] {
            let answer = try hub.get(path)
            #expect(answer.status == 404, "\(path): \(answer.status) \(answer.text.prefix(200))")
        }
        for path in ["/api/v1/staff/cases/\(huge)", "/staff/cases/\(code)/photos/\(past)"] {
            let answer = try hub.request("GET", path, headers: [("Authorization", "Bearer \(token)"), ("Cookie", "hub_session=\(token)")])
            #expect(answer.status == 404, "\(path): \(answer.status) \(answer.text.prefix(200))")
        }
        for service in ["intake", "public-works", "kir"] {
            let answer = try hub.request("GET", "/staff/cases/\(code)/photos/\(past)", service: service,
                                         headers: [("Cookie", "hub_session=\(token)")])
            #expect(answer.status == 404, "\(service): \(answer.status) \(answer.text.prefix(200))")
        }
        let open311 = try hub.get("/open311/v2/requests/\(past).json")
        #expect(open311.status == 404, "\(open311.text.prefix(200))")
    }
}
