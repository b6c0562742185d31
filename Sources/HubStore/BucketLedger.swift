import Foundation

/// One replica's view of a limit shared through `rate_limit_buckets`: per key, the arrival time as
/// this replica knows it (the shared one at the last exchange, plus its own requests since), the
/// requests it admitted on its own and has not sent yet, and whether the key is near its limit.
/// A pure value: `SharedBuckets` feeds it the clock and the database's answers.
///
/// The rule that keeps replicas together: a replica admits a key on its own view only while that
/// view, after the request, has used at most `share` of the burst (half the burst less one, rounded
/// down), and at most `share` requests between two exchanges. Everything else is asked
/// of the database, in the request. So two replicas taking turns on a fresh key spend at most
/// 2 × share < burst on their own before each asks once, which sends what it took; from then on
/// the database has seen everything and decides the boundary itself: exactly where one replica
/// would. A key that went to the database stays there until its bucket is full again, so a replica
/// does not go back to its own view while the other's requests are what it does not know.
public struct BucketLedger: Sendable {
    /// Seconds a request moves a key's arrival time.
    public let interval: Double
    public let burst: Int
    /// Requests a replica admits on its own view between two exchanges.
    public let share: Int

    struct Entry: Sendable {
        /// When the key's bucket is full again, as far as this replica knows.
        var tat: Double
        /// Requests admitted here and not sent yet, and when the first of them was.
        var taken = 0
        var since = 0.0
        /// Near its limit: decided by the database until the bucket is full again.
        var near = false
    }

    private(set) var entries: [String: Entry] = [:]

    /// What to do with a request.
    public enum Step: Equatable, Sendable {
        case admit
        /// Refused: the seconds until a token is free (Retry-After).
        case refuse(retryAfter: Int)
        /// Ask the database, sending the `taken` requests (the first `age` seconds ago) with it.
        case ask(taken: Int, age: Double)
    }

    /// Against rounding in the arrival times' arithmetic (the database's has the same).
    static let slack = 0.001

    public init(perMinute: Int, burst: Int) {
        interval = 60 / Double(max(1, perMinute))
        self.burst = max(1, burst)
        share = (self.burst - 1) / 2
    }

    /// A refusal certain from this replica's view alone, which never knows more requests than
    /// the database will: for the head of a request, counting nothing.
    public func refusal(_ key: String, now: Double) -> Int? {
        guard let entry = entries[key] else { return nil }
        let over = (entry.tat - now) - Double(burst - 1) * interval
        return over > Self.slack ? max(1, Int(over.rounded(.up))) : nil
    }

    /// Takes one request of `key`.
    /// - Parameter shared: false while the database is away: the replica then decides alone, as
    ///   one in-memory token bucket does, and keeps nothing to send.
    public mutating func take(_ key: String, now: Double, shared: Bool) -> Step {
        if let wait = refusal(key, now: now) { return .refuse(retryAfter: wait) }
        var entry = entries[key] ?? Entry(tat: now)
        let ahead = max(0, entry.tat - now)
        if ahead == 0 { entry.near = false }
        let own = !shared || (!entry.near && entry.taken < share && ahead + interval <= Double(share) * interval + Self.slack)
        guard own else {
            entry.near = true
            let step = Step.ask(taken: entry.taken, age: entry.taken > 0 ? now - entry.since : 0)
            entry.taken = 0
            entries[key] = entry
            return step
        }
        if shared {
            if entry.taken == 0 { entry.since = now }
            entry.taken += 1
        }
        entry.tat = max(entry.tat, now) + interval
        entries[key] = entry
        return .admit
    }

    /// What the database holds for `key` after an exchange: its arrival time `ahead` seconds from
    /// now, plus what this replica admitted since it sent its requests.
    public mutating func learn(_ key: String, ahead: Double, now: Double) {
        var entry = entries[key] ?? Entry(tat: now)
        entry.tat = now + ahead + Double(entry.taken) * interval
        entries[key] = entry
    }

    /// Hands over every key's requests not sent yet (`taken`, the first `age` seconds ago) and
    /// forgets the keys whose buckets are full and owe nothing (they behave as unknown ones).
    public mutating func drain(now: Double) -> [(key: String, taken: Int, age: Double)] {
        var sent: [(key: String, taken: Int, age: Double)] = []
        for (key, entry) in entries where entry.taken > 0 {
            sent.append((key, entry.taken, now - entry.since))
            entries[key]?.taken = 0
        }
        entries = entries.filter { $0.value.tat > now || $0.value.taken > 0 }
        return sent
    }
}
