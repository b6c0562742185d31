import HubStore
import Postgres
import TestSupport
import Testing

struct SharedRateLimitTests {
    let perAddress = SharedRateLimit(scope: "test-address", limit: 3, window: 3600)
    let perContact = SharedRateLimit(scope: "test-contact", limit: 2, window: 3600)

    func database() throws -> String { try TestCluster.shared().migratedDatabase() }

    @Test func everyConnectionCountsTheSameRequests() throws {
        let conninfo = try database()
        let first = try PostgresConnection(conninfo: conninfo)
        let second = try PostgresConnection(conninfo: conninfo)
        #expect(try SharedRateLimit.hit([(perAddress, "10.0.0.1"), (perContact, "email:a@example.id")], on: first) == nil)
        #expect(try SharedRateLimit.hit([(perAddress, "10.0.0.1"), (perContact, "email:a@example.id")], on: second) == nil)
        let wait = try #require(try SharedRateLimit.hit([(perAddress, "10.0.0.1"), (perContact, "email:a@example.id")], on: first))
        #expect(wait > 3500 && wait <= 3600)
        // Another contact from the same address: one more, then the address is over its limit.
        #expect(try SharedRateLimit.hit([(perAddress, "10.0.0.1"), (perContact, "email:b@example.id")], on: second) != nil)
        #expect(try SharedRateLimit.hit([(perAddress, "10.0.0.2"), (perContact, "email:b@example.id")], on: second) == nil)
    }

    @Test func aPassedWindowStartsAgainAndStoresNoKeyInClear() throws {
        let connection = try PostgresConnection(conninfo: try database())
        for _ in 0..<3 { _ = try SharedRateLimit.hit([(perContact, "email:lama@example.id")], on: connection) }
        #expect(try SharedRateLimit.hit([(perContact, "email:lama@example.id")], on: connection) != nil)
        try connection.query("update rate_limit_windows set window_start = now() - interval '2 hours'")
        #expect(try SharedRateLimit.hit([(perContact, "email:lama@example.id")], on: connection) == nil)
        let keys: [String] = try connection.query("select key from rate_limit_windows").map { try $0.decode("key") }
        #expect(keys.allSatisfy { $0.hasPrefix("test-contact:") && !$0.contains("lama") })
        try connection.query("update rate_limit_windows set window_start = now() - interval '2 days'")
        #expect(try SharedRateLimit.forgetPast(on: connection) == 1)
    }
}
