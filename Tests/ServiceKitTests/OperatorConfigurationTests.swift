@testable import ServiceKit
import Testing

/// What hubctl reads: the database URLs and the roles' passwords, with the services' reader.
struct OperatorConfigurationTests {
    let passwordVariables = ["HUB_DB_PASSWORD_GATEWAY", "HUB_DB_PASSWORD_HUBCTL"]

    func read(_ values: [String: String]) throws(ConfigurationError) -> OperatorConfiguration {
        try OperatorConfiguration(environment: values, passwordVariables: passwordVariables)
    }

    @Test func unsetVariablesAreNil() throws {
        let none = try read(["HUB_DATABASE_URL": "", "HUB_DB_PASSWORD_GATEWAY": ""])
        #expect(none.databaseURL == nil && none.migrateDatabaseURL == nil)
        #expect(none.password(in: "HUB_DB_PASSWORD_GATEWAY") == nil && none.password(in: "HUB_DB_PASSWORD_HUBCTL") == nil)
    }

    @Test func goodValuesAreRead() throws {
        let set = try read(["HUB_DATABASE_URL": "postgresql://hub_hubctl@db/hub", "HUB_MIGRATE_DATABASE_URL": "host=db user=hub dbname=hub",
                            "HUB_DB_PASSWORD_GATEWAY": "Zx8-q_19 rahasia"])
        #expect(set.databaseURL == "postgresql://hub_hubctl@db/hub" && set.migrateDatabaseURL == "host=db user=hub dbname=hub")
        #expect(set.password(in: "HUB_DB_PASSWORD_GATEWAY") == "Zx8-q_19 rahasia")
    }

    @Test func badValuesNameTheirVariableAndKeepSecretsOut() throws {
        do {
            _ = try read(["HUB_DATABASE_URL": "hots=db password=rahasia1", "HUB_MIGRATE_DATABASE_URL": "postgresql://hub:rahasia2@db:5432/hub?bogus=1",
                          "HUB_DB_PASSWORD_HUBCTL": "rahasia3\n"])
            Issue.record("bad values must not read")
        } catch {
            #expect(error.variables == ["HUB_DATABASE_URL", "HUB_MIGRATE_DATABASE_URL", "HUB_DB_PASSWORD_HUBCTL"])
            #expect(error.problems.last?.message == "HUB_DB_PASSWORD_HUBCTL must be a password without control characters")
            #expect(!error.description.contains("rahasia"), "\(error)")
        }
    }

    /// libpq quotes the part of a connection string it cannot read, which may be the password itself.
    @Test(arguments: ["postgresql://hub:rahasia%zz@db/hub", "host=db user=hub rahasia"])
    func aPasswordLibpqQuotesStaysOutOfTheMessage(url: String) {
        do {
            _ = try read(["HUB_DATABASE_URL": url])
            Issue.record("a bad URL must not read")
        } catch {
            #expect(error.variables == ["HUB_DATABASE_URL"])
            #expect(!error.description.contains("rahasia"), "\(error)")
        }
    }
}
