@testable import ServiceKit
import Testing

/// `HUB_DATABASE_READ_URL`: unset, every read on the primary as before; set, a connection string
/// libpq reads (a multi-host one too); anything else stops the service without echoing it.
/// (`HUB_DATABASE_READ_MAX_LAG_MS` is in HubConfigurationTests' table of integers.)
struct DatabaseReadsTests {
    @Test func unsetOrEmptyReadsFromThePrimaryAlone() throws {
        #expect(try HubConfiguration.reading([:]).reads.url == nil)
        #expect(try HubConfiguration.reading(["HUB_DATABASE_READ_URL": ""]).reads.url == nil)
    }

    @Test(arguments: ["postgresql://hub_gateway@127.0.0.1:26007/hub",
                      "host=pg1,pg2 port=5432,5432 dbname=hub user=hub_gateway target_session_attrs=prefer-standby"])
    func aConnectionStringIsTakenAsItIs(_ url: String) throws {
        let reads = try HubConfiguration.reading(["HUB_DATABASE_READ_URL": url]).reads
        #expect(reads.url == url)
        #expect(reads.maximumLag == 1)
    }

    @Test func theLagIsReadInMilliseconds() throws {
        #expect(try HubConfiguration.reading(["HUB_DATABASE_READ_MAX_LAG_MS": "250"]).reads.maximumLag == 0.25)
    }

    @Test func aBadOneStopsTheServiceWithoutShowingIt() throws {
        do {
            _ = try HubConfiguration.reading(["HUB_DATABASE_READ_URL": "postgresql://hub:s3cr%zz@db/hub"])
            Issue.record("a URL libpq cannot read was taken")
        } catch {
            #expect(error.variables == ["HUB_DATABASE_READ_URL"])
            #expect(error.description.hasPrefix("HUB_DATABASE_READ_URL must be a libpq connection string"), "\(error)")
            #expect(!error.description.contains("s3cr"))
        }
    }
}
