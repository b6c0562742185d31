import HubStore
import Postgres
import TestSupport
import Testing

struct MigratorTests {
    @Test func migratingTwiceAppliesNothingTheSecondTime() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().emptyDatabase())
        #expect(try Migrator.currentVersion(connection) == 0)
        let first = try Migrator.migrate(connection)
        #expect(first.map(\.version) == Migrator.migrations.map(\.version))
        #expect(try Migrator.migrate(connection).isEmpty)
        #expect(try Migrator.currentVersion(connection) == Migrator.expectedVersion)
        let recorded = try connection.query("select count(*)::int as n from schema_migrations")[0].decode("n", as: Int.self)
        #expect(recorded == Migrator.migrations.count)
    }

    @Test func seedsThirteenCategoriesEachRoutedToAModule() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let categories = try CategoryStore.all(connection)
        #expect(categories.count == 13)
        #expect(categories.first?.code == "perizinan")
        let owners = Dictionary(uniqueKeysWithValues: categories.map { ($0.code, $0.module.rawValue) })
        #expect(owners["pekerjaan-umum"] == "public-works")
        #expect(owners["perhubungan"] == "kir")
        #expect(owners["sosial"] == "social")
        #expect(owners["pariwisata"] == "tourism")
        #expect(owners.values.filter { $0 == "intake" }.count == 9)
        #expect(categories.allSatisfy { !$0.nameID.isEmpty && !$0.nameEN.isEmpty && !$0.subcategories.isEmpty })
    }

    @Test func aFailingMigrationLeavesNoTrace() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().emptyDatabase())
        try connection.execute("create table categories (code text)")
        #expect(throws: PostgresError.self) { try Migrator.migrate(connection) }
        #expect(try Migrator.currentVersion(connection) == 0)
        let modules = try connection.query("select to_regclass('modules') is null as absent")[0].decode("absent", as: Bool.self)
        #expect(modules, "the half-applied migration was rolled back")
    }
}
