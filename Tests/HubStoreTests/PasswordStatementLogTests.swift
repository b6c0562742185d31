import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

/// With every statement logged (log_statement = all, parameters included), no password reaches
/// PostgreSQL's log: creating, logging in right, wrong and unknown, rehashing an old bcrypt hash and
/// resetting send only hashes.
struct PasswordStatementLogTests {
    @Test func noPasswordReachesTheServerLogWithEveryStatementLogged() throws {
        let cluster = try TestCluster.shared()
        let url = try cluster.migratedDatabase()
        let database = try #require(url.split(separator: "/").last.map(String.init))
        try PostgresConnection(conninfo: url).execute("alter database \(database) set log_statement = 'all'")
        // A new session picks the setting up.
        let connection = try PostgresConnection(conninfo: url)
        let marker = "log-marker-\(UUID().uuidString.lowercased())"
        let passwords = ["Xq7-created-\(marker)", "Xq7-wrong-\(marker)", "Xq7-unknown-\(marker)", "Xq7-reset-\(marker)",
                         "Xq7-bcrypt-\(marker)"]
        try AccountStore.create(login: "log.pu", password: passwords[0], role: .staff, module: .publicWorks, on: connection)
        func logIn(_ login: String, _ password: String) throws {
            _ = try connection.transaction {
                try AccountStore.logIn(login: login, password: password, address: "198.51.100.4", on: $0)
            }
        }
        try logIn("log.pu", passwords[0])
        try logIn("log.pu", passwords[1])
        try logIn("tidak.ada.\(marker.prefix(8))", passwords[2])
        try connection.transaction {
            _ = try AccountStore.resetPassword(login: "log.pu", to: passwords[3], by: .operator, on: $0)
        }
        try logIn("log.pu", passwords[3])
        // An old bcrypt hash, as pgcrypto made them, made in a database whose statements are not logged.
        let elsewhere = try PostgresConnection(conninfo: try cluster.emptyDatabase())
        try elsewhere.execute("create extension pgcrypto")
        let bcrypt = try #require(try elsewhere.query("select crypt($1, gen_salt('bf', 4)) as h", [passwords[4]])[0]["h"])
        try connection.query("""
            insert into staff_accounts (login, password_hash, role, module_code) values ('lama.log', $1, 'staff', 'social')
            """, [bcrypt])
        try logIn("lama.log", passwords[4])
        try connection.query("select $1::text as marker", [marker])

        let log = try waitForLog(cluster, containing: "= '\(marker)'")
        #expect(log.contains("staff_accounts"), "statements were logged")
        let leaked = passwords.filter { log.contains($0) }
        #expect(leaked.isEmpty, "the server log holds these passwords")
    }

    /// The server log once it shows `text` in a statement's parameters (the logger may lag a little).
    func waitForLog(_ cluster: TestCluster, containing text: String) throws -> String {
        let path = cluster.directory + "/server.log"
        for _ in 0..<50 {
            let log = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            if log.contains(text) { return log }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TestSupportError("the server log never showed \(text)")
    }
}
