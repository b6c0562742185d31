import Foundation
import Synchronization

/// Answers that may be a few seconds old, kept per key for `seconds`: the public map's hotspots count
/// every open report of the region (a walk of an index at a million complaints), and the map says
/// what the region looks like now, not at this very second. Bounded: past `capacity` keys it starts
/// again empty.
final class RecentAnswers<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    let seconds: Double
    let capacity: Int
    private let kept = Mutex<[Key: (at: Date, value: Value)]>([:])

    init(seconds: Double = 30, capacity: Int = 64) {
        self.seconds = seconds
        self.capacity = capacity
    }

    /// The answer kept for `key` if it is recent enough, else `compute`'s, kept.
    func value(for key: Key, _ compute: () throws -> Value) rethrows -> Value {
        let now = Date()
        if let entry = kept.withLock({ $0[key] }), now.timeIntervalSince(entry.at) < seconds { return entry.value }
        let value = try compute()
        kept.withLock { kept in
            if kept.count >= capacity { kept.removeAll() }
            kept[key] = (now, value)
        }
        return value
    }
}
