import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// Finding 10: the logs of running services never put a reporter's address beside their tracking code.
@Suite(.serialized)
struct CitizenLogPrivacyTests {
    @Test func logsKeepFourCharactersOfACodeAndOnlyTheClientsNetwork() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(),
                                 environment: ["HUB_TRUSTED_PROXIES": "127.0.0.1"])
        let created = try hub.request("POST", "/api/v1/complaints", headers: [("Content-Type", "application/json"),
                                                                             ("X-Forwarded-For", "203.0.113.77")],
                                      body: Array(#"{"category":"kesehatan","description":"Antrean puskesmas sangat panjang"}"#.utf8))
        #expect(created.status == 201, "\(created.text)")
        let code = try #require(created.jsonObject["tracking_code"] as? String)
        for path in ["/track/\(code)", "/api/v1/complaints/\(code)", "/track/\(code.lowercased())?lang=en"] {
            #expect(try hub.request("GET", path, headers: [("X-Forwarded-For", "203.0.113.77")]).status == 200)
        }
        #expect(try hub.request("POST", "/api/v1/complaints/\(code)/feedback", headers: [("Content-Type", "application/json"),
                                                                                          ("X-Forwarded-For", "203.0.113.77")],
                                body: Array(#"{"rating":5}"#.utf8)).status >= 400)
        let gateway = hub.log("gateway", once: "/feedback")
        let intake = hub.log("intake", once: "/feedback")
        for (service, log) in [("gateway", gateway), ("intake", intake)] {
            let lines = log.split(separator: "\n").filter { $0.contains("\"msg\":\"request\"") }
            #expect(lines.count >= 2, "\(service): \(log)")
            #expect(!log.contains(code) && !log.contains(code.lowercased()), "\(service) logs the whole code: \(log)")
            #expect(!log.contains("203.0.113.77"), "\(service) logs the citizen's whole address: \(log)")
        }
        #expect(gateway.contains("\"path\":\"/track/\(code.prefix(4))…\""), "\(gateway)")
        #expect(gateway.contains("\"path\":\"/api/v1/complaints/\(code.prefix(4))…\""), "\(gateway)")
        #expect(gateway.contains("\"remote\":\"203.0.113.0/24\""), "\(gateway)")
        #expect(intake.contains("\"path\":\"/api/v1/complaints/\(code.prefix(4))…/feedback\""), "\(intake)")
    }

    @Test func staffCasePathsAreRedactedInTheModulesLogToo() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url, services: ["gateway", "intake"])
        #expect(try hub.hubctl(["user", "add", "log.insp", "--role", "inspector"], input: "sandi-log-01\n").status == 0)
        let token = try hub.logIn("log.insp", "sandi-log-01")
        let created = try hub.post("/api/v1/complaints", json: ["category": "kesehatan", "description": "Puskesmas tutup siang hari"])
        let code = try #require(created.jsonObject["tracking_code"] as? String)
        #expect(try hub.get("/api/v1/staff/cases/\(code)", token: token).status == 200)
        let intake = hub.log("intake", once: "/api/v1/staff/cases/")
        #expect(intake.contains("\"path\":\"/api/v1/staff/cases/\(code.prefix(4))…\""), "\(intake)")
        #expect(!intake.contains(code), "\(intake)")

        // A handler's failure is logged with the same redacted path.
        let browser = PageClient(hub)
        #expect(try browser.logIn("log.insp", "sandi-log-01").status == 303)
        let database = try PostgresConnection(conninfo: url)
        try database.execute("alter table categories rename to categories_away")
        defer { _ = try? database.execute("alter table categories_away rename to categories") }
        let failed = try browser.get("/staff/cases/\(code)", headers: [("X-Request-Id", "uji-log-gagal")])
        #expect(failed.status == 500)
        let log = hub.log("intake", once: "uji-log-gagal")
        let line = try #require(log.split(separator: "\n").first { $0.contains("\"handler failed\"") && $0.contains("uji-log-gagal") },
                                "\(log.suffix(800))")
        #expect(line.contains("\"path\":\"/staff/cases/\(code.prefix(4))…\""), "\(line)")
        #expect(!hub.log("intake").contains(code) && !hub.log("gateway").contains(code))
    }
}
