import HubStore
import Testing

/// One replica's view of a shared limit, without a database: what it decides alone, what it asks.
struct BucketLedgerTests {
    let client = "203.0.113.7"

    @Test func aReplicaAdmitsItsShareOnItsOwnThenAsksWithWhatItTook() {
        var ledger = BucketLedger(perMinute: 1, burst: 6)
        #expect(ledger.share == 2 && ledger.interval == 60)
        #expect(ledger.take(client, now: 100, shared: true) == .admit)
        #expect(ledger.take(client, now: 103, shared: true) == .admit)
        #expect(ledger.take(client, now: 105, shared: true) == .ask(taken: 2, age: 5))
        #expect(ledger.take("198.51.100.1", now: 105, shared: true) == .admit, "every key has its own view")
    }

    @Test func aBurstOfTwoOrLessIsAlwaysAsked() {
        var ledger = BucketLedger(perMinute: 60, burst: 2)
        #expect(ledger.share == 0)
        #expect(ledger.take(client, now: 0, shared: true) == .ask(taken: 0, age: 0))
    }

    @Test func aKeyNearItsLimitStaysWithTheDatabaseUntilItsBucketIsFull() {
        var ledger = BucketLedger(perMinute: 6, burst: 6)
        _ = ledger.take(client, now: 0, shared: true)
        _ = ledger.take(client, now: 0, shared: true)
        #expect(ledger.take(client, now: 0, shared: true) == .ask(taken: 2, age: 0))
        // The database holds the key 30 s ahead (three requests): asked again, though this view alone
        // would admit it, because the other replicas' requests are what this one does not know.
        ledger.learn(client, ahead: 30, now: 0)
        #expect(ledger.take(client, now: 25, shared: true) == .ask(taken: 0, age: 0))
        ledger.learn(client, ahead: 15, now: 25)
        // Full again at 40 s: the replica decides on its own view once more.
        #expect(ledger.take(client, now: 41, shared: true) == .admit)
    }

    @Test func theHeadRefusesOnlyWhatIsCertain() {
        var ledger = BucketLedger(perMinute: 1, burst: 6)
        #expect(ledger.refusal(client, now: 0) == nil, "an unknown key")
        ledger.learn(client, ahead: 300, now: 0)
        #expect(ledger.refusal(client, now: 0) == nil, "one token left: the database may grant it")
        ledger.learn(client, ahead: 360, now: 0)
        #expect(ledger.refusal(client, now: 0) == 60)
        #expect(ledger.refusal(client, now: 59.5) == 1)
        #expect(ledger.refusal(client, now: 60) == nil)
    }

    @Test func anAnswerKeepsWhatWasAdmittedSinceTheRequestsWereSent() {
        var ledger = BucketLedger(perMinute: 6, burst: 10)
        _ = ledger.take(client, now: 0, shared: true)
        let sent = ledger.drain(now: 1)
        #expect(sent.map(\.key) == [client] && sent.map(\.taken) == [1] && sent.map(\.age) == [1])
        _ = ledger.take(client, now: 1, shared: true)
        ledger.learn(client, ahead: 40, now: 2)
        // 40 s from the database (other replicas' requests too) and 10 s for the one not sent yet.
        #expect(ledger.drain(now: 2).map(\.taken) == [1])
        ledger.learn(client, ahead: 0, now: 2)
        #expect(ledger.refusal(client, now: 2) == nil)
    }

    @Test func drainingForgetsFullBucketsThatOweNothing() {
        var ledger = BucketLedger(perMinute: 60, burst: 10)
        _ = ledger.take(client, now: 0, shared: true)
        #expect(ledger.drain(now: 0.5).count == 1)
        #expect(ledger.drain(now: 0.5).isEmpty, "sent once")
        ledger.learn(client, ahead: 20, now: 0.5)
        #expect(ledger.refusal(client, now: 0.5) == 11)
        _ = ledger.drain(now: 30)
        #expect(ledger.refusal(client, now: 0.5) == nil, "forgotten once full")
    }

    /// While the database is away a replica is one in-memory token bucket, as RateLimiter is.
    @Test func aloneItIsATokenBucket() {
        var ledger = BucketLedger(perMinute: 6, burst: 3)
        #expect((0..<4).map { _ in ledger.take(client, now: 1000, shared: false) } == [.admit, .admit, .admit, .refuse(retryAfter: 10)])
        #expect(ledger.take(client, now: 1010, shared: false) == .admit)
        #expect(ledger.take(client, now: 1010, shared: false) == .refuse(retryAfter: 10))
        #expect(ledger.drain(now: 1010).isEmpty, "nothing alone is sent")
    }
}
