import Foundation
import Postgres
import TestSupport
import Testing

/// `hubctl migrate` and `hubctl db-roles` work as the schema owner (HUB_MIGRATE_DATABASE_URL), the
/// operator's other verbs as hub_hubctl.
struct HubctlDBRolesTests {
    func environment(_ values: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("HUB_") }
        environment.merge(values) { $1 }
        return environment
    }

    @Test func migrateAndDBRolesRunAsTheOwnerWhileTheOperatorVerbsRunAsHubctl() throws {
        let owner = try TestCluster.shared().emptyDatabase()
        let operatorURL = TestCluster.url(owner, role: "hub_hubctl")
        let env = environment(["HUB_MIGRATE_DATABASE_URL": owner, "HUB_DATABASE_URL": operatorURL,
                               "HUB_DB_PASSWORD_KIR": "sandi-kir-db-1"])
        let migrated = try RunningHub.hubctl(["migrate"], environment: env)
        #expect(migrated.status == 0 && migrated.output.contains("applied 014 service_roles"), "\(migrated.output)")
        let roles = try RunningHub.hubctl(["db-roles"], environment: env)
        #expect(roles.status == 0, "\(roles.output)")
        #expect(roles.output.contains("hub_kir  login  password set"))
        #expect(roles.output.contains("hub_gateway  login  (password unchanged: HUB_DB_PASSWORD_GATEWAY not set)"))
        #expect(try RunningHub.hubctl(["db-roles", "extra"], environment: env).status == 2)

        // The operator's verbs, as hub_hubctl: accounts, sub-units, queues and dead letters.
        let added = try RunningHub.hubctl(["user", "add", "operator.pu", "--role", "staff", "--module", "public-works"],
                                          environment: env, input: "sandi-operator-1\n")
        #expect(added.status == 0, "\(added.output)")
        #expect(try RunningHub.hubctl(["sub-unit", "add", "dpupr-taman", "--agency", "dpupr", "--name-id", "UPT Taman",
                                       "--name-en", "Parks unit"], environment: env).status == 0)
        #expect(try RunningHub.hubctl(["queues"], environment: env).status == 0)
        #expect(try RunningHub.hubctl(["dead-letters"], environment: env).status == 0)
        let who = try PostgresConnection(conninfo: owner).query(
            "select (select count(*) from staff_accounts)::int as n, rolcanlogin from pg_roles where rolname = 'hub_hubctl'")[0]
        #expect(try who.decode("n", as: Int.self) == 1 && who.decode("rolcanlogin", as: Bool.self))
    }

    @Test func aServiceRoleCannotMigrateOrSetUpRoles() throws {
        let owner = try TestCluster.shared().migratedDatabase()
        let env = environment(["HUB_DATABASE_URL": TestCluster.url(owner, role: "hub_gateway")])
        let roles = try RunningHub.hubctl(["db-roles"], environment: env)
        #expect(roles.status == 1 && roles.output.contains("42501"), "\(roles.output)")
    }
}
