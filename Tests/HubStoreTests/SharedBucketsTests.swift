import Foundation
import HubStore
import Postgres
import Synchronization
import TestSupport
import Testing

/// Two gateway replicas on one database, as two `SharedBuckets` with pools of their own. Their
/// clocks are the tests' (the buckets' own view); the database's time is its own, and a limit of
/// one request a minute makes the milliseconds a test takes irrelevant to it.
struct SharedBucketsTests {
    final class Clock: Sendable {
        let now = Mutex<Double>(1000)
        func advance(_ seconds: Double) { now.withLock { $0 += seconds } }
        var read: @Sendable () -> Double { { self.now.withLock { $0 } } }
    }

    final class Log: Sendable {
        let lines = Mutex<[String]>([])
        var write: @Sendable (String) -> Void { { line in self.lines.withLock { $0.append(line) } } }
        var count: Int { lines.withLock { $0.count } }
    }

    let client = "203.0.113.7"

    func replica(_ url: String, clock: Clock = Clock(), log: Log = Log()) -> SharedBuckets {
        SharedBuckets(pool: PostgresPool(conninfo: url, maximumConnections: 2, waitLimit: 2), clock: clock.read, log: log.write)
    }

    /// Asks as the rate limit middleware does: the head, then the chain.
    func request(_ limiter: SharedBuckets.Limiter, _ key: String) -> Int? {
        limiter.admitAtHead(key) ?? limiter.admitInChain(key)
    }

    func rows(_ url: String) throws -> [(key: String, ahead: Double)] {
        try PostgresConnection(conninfo: url).query("select key, extract(epoch from tat - now())::float8 as ahead from rate_limit_buckets order by key")
            .map { (try $0.decode("key"), try $0.decode("ahead")) }
    }

    @Test func twoReplicasTakingTurnsAdmitExactlyWhatOneAdmits() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let one = replica(url).limiter("lookups", perMinute: 1, burst: 6)
        let alone = (0..<8).map { _ in request(one, "198.51.100.1") }
        #expect(alone == [nil, nil, nil, nil, nil, nil, 60, 60])

        let first = replica(url), second = replica(url)
        let limiters = [first.limiter("lookups", perMinute: 1, burst: 6), second.limiter("lookups", perMinute: 1, burst: 6)]
        let turns = (0..<8).map { request(limiters[$0 % 2], client) }
        #expect(turns == alone)
        // Each admitted its share on its own view and asked the database near the boundary (the first
        // was refused by it); the second refused its last turn from its own view, at the head.
        #expect([first.decisions.own, first.decisions.asked, first.decisions.refused] as [Int] == [2, 2, 0])
        #expect([second.decisions.own, second.decisions.asked, second.decisions.refused] as [Int] == [2, 1, 1])
    }

    @Test func requestsAdmittedOnAReplicasOwnViewReachTheOthersInOneFlush() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let first = replica(url), second = replica(url)
        let lookups = first.limiter("lookups", perMinute: 1, burst: 6)
        let submissions = first.limiter("submissions", perMinute: 1, burst: 6)
        #expect([request(lookups, client), request(lookups, client), request(lookups, "198.51.100.1"),
                 request(submissions, client)] == [nil, nil, nil, nil])
        #expect(try rows(url).isEmpty, "nothing written in the requests")
        first.flush()
        let stored = try rows(url)
        #expect(stored.count == 3)
        #expect(stored.map(\.ahead).sorted().last.map { $0 > 119 && $0 <= 120 } == true, "two requests: two minutes")
        // The other replica: its own share, then the database, which counts the first's two.
        let other = second.limiter("lookups", perMinute: 1, burst: 6)
        #expect((0..<5).map { _ in request(other, client) } == [nil, nil, nil, nil, 60])
    }

    @Test func aBucketRefillsAtItsRate() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let clocks = [Clock(), Clock()]
        let limiters = clocks.map { replica(url, clock: $0).limiter("submissions", perMinute: 1, burst: 6) }
        #expect((0..<7).map { request(limiters[$0 % 2], client) }.compactMap { $0 } == [60])
        // Two minutes pass, for the replicas' views and for the stored arrival time alike.
        for clock in clocks { clock.advance(120) }
        try PostgresConnection(conninfo: url).query("update rate_limit_buckets set tat = tat - interval '120 seconds'")
        #expect((0..<4).map { request(limiters[$0 % 2], client) } == [nil, nil, 60, 60])
    }

    @Test func keysAreStoredHashedAndFullBucketsAreSwept() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let buckets = replica(url)
        let limiter = buckets.limiter("lookups", perMinute: 120, burst: 60)
        for _ in 0..<3 { #expect(request(limiter, client) == nil) }
        buckets.flush()
        let keys = try rows(url).map(\.key)
        #expect(keys.count == 1 && keys.allSatisfy { $0.hasPrefix("lookups/120/60:") && !$0.contains("203.0.113") })
        let connection = try PostgresConnection(conninfo: url)
        #expect(try RateLimitBuckets.forgetFull(on: connection) == 0, "a bucket not full yet stays")
        try connection.query("update rate_limit_buckets set tat = now() - interval '1 second'")
        #expect(try RateLimitBuckets.forgetFull(on: connection) == 1)
    }

    @Test func aDatabaseThatGoesAwayLeavesEachReplicaDecidingAloneUntilItIsBack() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let name = String(url.split(separator: "/").last!)
        let admin = try PostgresConnection(conninfo: try TestCluster.shared().url(database: "postgres"))
        let firstLog = Log(), secondLog = Log()
        let first = replica(url, log: firstLog), second = replica(url, log: secondLog)
        let mine = first.limiter("submissions", perMinute: 1, burst: 6)
        let theirs = second.limiter("submissions", perMinute: 1, burst: 6)
        #expect([request(mine, client), request(mine, client)] == [nil, nil])
        #expect([request(theirs, client), request(theirs, client)] == [nil, nil])

        try admin.execute("alter database \(name) with allow_connections false")
        try admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [name])
        // The first notices at its flush; the second when it asks in a request. Neither throws nor
        // refuses for want of the database: each is one token bucket of its own, as before sharing.
        first.flush()
        #expect(!first.isShared && firstLog.count == 1)
        #expect((0..<5).map { _ in request(mine, client) } == [nil, nil, nil, nil, 60])
        #expect((0..<5).map { _ in request(theirs, client) } == [nil, nil, nil, nil, 60])
        #expect(!second.isShared && secondLog.count == 1)
        first.flush()
        second.flush()
        #expect(firstLog.count == 1 && secondLog.count == 1, "said once")

        try admin.execute("alter database \(name) with allow_connections true")
        first.flush()
        second.flush()
        #expect(first.isShared && second.isShared)
        #expect(firstLog.count == 2 && secondLog.count == 2)
        let turns = (0..<8).map { request([mine, theirs][$0 % 2], "198.51.100.9") }
        #expect(turns == [nil, nil, nil, nil, nil, nil, 60, 60], "shared again")
    }
}
