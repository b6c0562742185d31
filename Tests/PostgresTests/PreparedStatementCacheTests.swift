@testable import Postgres
import Testing

struct PreparedStatementCacheTests {
    @Test func aTextKeepsItsNameUntilItLeaves() {
        var cache = PreparedStatementCache(capacity: 4, prefix: "s")
        #expect(cache.name(for: "select 1") == nil)
        #expect(cache.add("select 1") == "s1")
        #expect(cache.name(for: "select 1") == "s1")
        #expect(cache.add("select 2") == "s2")
        #expect(cache.name(for: "select 1") == "s1")
    }

    @Test func aFullCacheRetiresTheLeastRecentlyUsed() {
        var cache = PreparedStatementCache(capacity: 4, prefix: "s")
        for n in 1...4 { _ = cache.add("select \(n)") }
        _ = cache.name(for: "select 1")
        #expect(cache.add("select 5") == "s5")
        #expect(cache.count == 4)
        #expect(cache.name(for: "select 2") == nil, "the least recently used leaves")
        #expect(cache.name(for: "select 1") == "s1", "a recently used one stays")
        #expect(cache.takeRetired() == ["s2"])
        #expect(cache.retired.isEmpty)
    }

    @Test func aStaleStatementIsRetiredAndAFailedOneForgotten() {
        var cache = PreparedStatementCache(capacity: 4, prefix: "s")
        _ = cache.add("select 1")
        _ = cache.add("select oops")
        cache.retire("select 1")
        cache.forget("select oops")
        #expect(cache.count == 0)
        #expect(cache.retired == ["s1"], "only a statement the server holds needs DEALLOCATE")
        #expect(cache.add("select 1") == "s3", "a stale text gets a new name")
    }

    @Test func losingEveryStatementForgetsEvenTheRetired() {
        var cache = PreparedStatementCache(capacity: 1, prefix: "s")
        _ = cache.add("select 1")
        _ = cache.add("select 2")
        cache.removeAll()
        #expect(cache.count == 0)
        #expect(cache.retired.isEmpty)
    }

    @Test func aCacheOfNoCapacityNamesNothing() {
        var cache = PreparedStatementCache(capacity: 0, prefix: "s")
        #expect(cache.add("select 1") == nil)
        #expect(cache.name(for: "select 1") == nil)
    }
}
