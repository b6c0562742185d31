import Foundation
import Postgres
import TestSupport
import Testing

/// The operator's command against a real database.
struct HubctlTests {
    @Test func migrateIsIdempotentAndReportsTheVersion() throws {
        let url = try TestCluster.shared().emptyDatabase()
        let first = try RunningHub.hubctl(["migrate"], databaseURL: url)
        #expect(first.status == 0)
        #expect(first.output.contains("applied 001 foundation"))
        let second = try RunningHub.hubctl(["migrate"], databaseURL: url)
        #expect(second.status == 0 && second.output.contains("already current") && !second.output.contains("applied"))
        #expect(try RunningHub.hubctl(["schema"], databaseURL: url).output.contains("database schema version"))
    }

    @Test func demoDataFillsTheDatabaseAndRefusesABadCount() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let filled = try RunningHub.hubctl(["demo-data", "--complaints", "60", "--seed", "3"], databaseURL: url)
        #expect(filled.status == 0 && filled.output.contains("stored 60 demo complaints (seed 3"), "\(filled.output)")
        let connection = try PostgresConnection(conninfo: url)
        #expect(try connection.query("select count(*) as n from complaints")[0].decode("n", as: Int.self) == 60)
        #expect(try RunningHub.hubctl(["demo-data", "--complaints", "many"], databaseURL: url).status == 2)
        #expect(try RunningHub.hubctl(["demo-data", "--complaints", "0"], databaseURL: url).status == 2)
        #expect(try RunningHub.hubctl(["demo-data", "--complaints", "5", "--seed", "-1"], databaseURL: url).status == 2)
    }

    /// PostGIS is not a trusted extension: an owner who is not a superuser is told what the
    /// administrator runs, and migrates once they have.
    @Test func anOwnerWhoMayNotCreatePostGISIsToldWhatTheAdministratorRuns() throws {
        let cluster = try TestCluster()  // its own: roles are the cluster's, and the shared one's exist already
        defer { try? cluster.stop(mode: "immediate") }
        let admin = try PostgresConnection(conninfo: cluster.url(database: "postgres"))
        try admin.execute("create role hub_owner login createrole")
        try admin.execute("create database hub owner hub_owner")
        let owner = TestCluster.url(cluster.url(database: "hub"), role: "hub_owner")
        let refused = try RunningHub.hubctl(["migrate"], databaseURL: owner)
        #expect(refused.status == 1)
        #expect(refused.output.contains("a superuser must run `create extension postgis;`"), "\(refused.output)")
        try PostgresConnection(conninfo: cluster.url(database: "hub")).execute("create extension postgis")
        let migrated = try RunningHub.hubctl(["migrate"], databaseURL: owner)
        #expect(migrated.status == 0 && migrated.output.contains("applied 018 geography"), "\(migrated.output)")
    }

    @Test func usageErrorsExitWithTwo() throws {
        let url = try TestCluster.shared().migratedDatabase()
        #expect(try RunningHub.hubctl([], databaseURL: url).status == 2)
        #expect(try RunningHub.hubctl(["frobnicate"], databaseURL: url).status == 2)
        #expect(try RunningHub.hubctl(["user", "add", "x.y", "--role", "mayor"], databaseURL: url, input: "password1\n").status == 2)
        #expect(try RunningHub.hubctl(["user", "add", "x.y", "--role", "staff", "--module", "nowhere"], databaseURL: url,
                                      input: "password1\n").status == 2)
        #expect(try RunningHub.hubctl(["user", "add", "x.y", "--role", "staff", "--module", "kir", "--categories", "bogus"],
                                      databaseURL: url, input: "password1\n").status == 2)
        let missingURL = try RunningHub.hubctl(["migrate"], databaseURL: "")
        #expect(missingURL.status == 2 && missingURL.output.contains("HUB_DATABASE_URL"))
    }

    @Test func usersAreCreatedOnceWithTheirModule() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let created = try RunningHub.hubctl(["user", "add", "ani.kir", "--role", "staff", "--module", "kir",
                                             "--categories", "perhubungan", "--area", "Cibeunying"], databaseURL: url,
                                            input: "sandi-kuat-123\n")
        #expect(created.status == 0 && created.output.contains("created staff ani.kir in kir"))
        let again = try RunningHub.hubctl(["user", "add", "ani.kir", "--role", "staff", "--module", "kir"], databaseURL: url,
                                          input: "sandi-kuat-123\n")
        #expect(again.status == 1 && again.output.contains("already exists"))
        let row = try PostgresConnection(conninfo: url).query("select module_code, categories::text as c, area from staff_accounts")[0]
        #expect(row["module_code"] == "kir" && row["c"] == "{perhubungan}" && row["area"] == "Cibeunying")
    }

    @Test func deadLettersAreListedShownAndRedriven() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let connection = try PostgresConnection(conninfo: url)
        try connection.query("""
            insert into queue_dead_letters (id, queue, payload, priority, attempts, last_error, created_at)
            values (41, 'module.kir', '{"type": "complaint.received"}', 0, 10, 'boom: bad payload', now())
            """)
        let list = try RunningHub.hubctl(["dead-letters"], databaseURL: url)
        #expect(list.output.contains("41") && list.output.contains("module.kir") && list.output.contains("boom"))
        let shown = try RunningHub.hubctl(["dead-letters", "show", "41"], databaseURL: url)
        #expect(shown.output.contains("complaint.received") && shown.output.contains("boom: bad payload"))
        let queues = try RunningHub.hubctl(["queues"], databaseURL: url)
        #expect(queues.output.contains("module.kir"))
        let redriven = try RunningHub.hubctl(["dead-letters", "redrive", "41"], databaseURL: url)
        #expect(redriven.status == 0 && redriven.output.contains("re-driven 1"))
        #expect(try connection.query("select count(*)::int as n from queue_dead_letters")[0].decode("n", as: Int.self) == 0)
        let back = try connection.query("select queue, attempts, payload->>'type' as t from queue_messages")
        #expect(back.count == 1 && back[0]["queue"] == "module.kir" && back[0]["attempts"] == "0")
        #expect(try RunningHub.hubctl(["dead-letters", "show", "41"], databaseURL: url).status == 1)
    }
}
