import Foundation
import Postgres
import TestSupport
import Testing

/// The real executables log in as their own database roles, not as the owner or a superuser.
struct ServiceLoginTests {
    @Test func eachServiceLogsInAsItsOwnRole() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        #expect(hub.servicesUseOwnRoles)
        let rows = try PostgresConnection(conninfo: url).query("""
            select distinct application_name as service, usename as login
              from pg_stat_activity where datname = current_database() and application_name <> 'hub'
            """)
        var logins: [String: Set<String>] = [:]
        for row in rows { logins[row["service"] ?? "", default: []].insert(row["login"] ?? "") }
        for service in RunningHub.serviceNames {
            #expect(logins[service] == ["hub_" + service.replacingOccurrences(of: "-", with: "_")], "\(service): \(logins[service] ?? [])")
        }
    }
}
