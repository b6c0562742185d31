import Foundation
import Postgres
import TestSupport
import Testing

/// The real executables with every statement logged (log_statement = all, parameters included):
/// creating an account with hubctl and logging in through the gateway, right, wrong and unknown,
/// leave no password in PostgreSQL's log.
struct PasswordLogTests {
    @Test func noPasswordOfHubctlOrALoginReachesTheServerLog() throws {
        let cluster = try TestCluster.shared()
        let url = try cluster.migratedDatabase()
        let database = try #require(url.split(separator: "/").last.map(String.init))
        try PostgresConnection(conninfo: url).execute("alter database \(database) set log_statement = 'all'")
        let hub = try RunningHub(databaseURL: url, services: ["intake", "gateway"])
        let marker = "e2e-marker-\(UUID().uuidString.lowercased())"
        let passwords = ["Zr4-created-\(marker)", "Zr4-wrong-\(marker)", "Zr4-unknown-\(marker)", "Zr4-reset-\(marker)"]
        #expect(try hub.hubctl(["user", "add", "catat.pu", "--role", "staff", "--module", "public-works"], input: passwords[0] + "\n").status == 0)
        #expect(try hub.post("/api/v1/staff/login", json: ["login": "catat.pu", "password": passwords[0]]).status == 200)
        #expect(try hub.post("/api/v1/staff/login", json: ["login": "catat.pu", "password": passwords[1]]).status == 401)
        #expect(try hub.post("/api/v1/staff/login", json: ["login": "tidak.ada", "password": passwords[2]]).status == 401)
        _ = try hub.hubctl(["user", "reset-password", "catat.pu"], input: passwords[3] + "\n")
        try PostgresConnection(conninfo: url).query("select $1::text as marker", [marker])

        let path = cluster.directory + "/server.log"
        var log = ""
        for _ in 0..<50 where !log.contains("= '" + marker + "'") {
            Thread.sleep(forTimeInterval: 0.1)
            log = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        }
        #expect(log.contains("= '" + marker + "'") && log.contains("staff_accounts"), "statements were logged")
        let leaked = passwords.filter { log.contains($0) }
        #expect(leaked.isEmpty, "the server log holds these passwords")
    }
}
