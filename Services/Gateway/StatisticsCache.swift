import Complaints
import HubStore
import Synchronization

/// The public statistics the gateway computed, per filter, while the rollup stays at one version
/// (`StatisticsStore.version`, bumped by every refresh): the same figures until the refresher
/// changes them, without sorting every duration of the period again for each reader. Bounded: past
/// `capacity` filters it starts again empty. One for the figures per agency and category, one for the
/// figures per desa of the statistics' GeoJSON.
final class StatisticsCache<Value: Sendable>: Sendable {
    /// A request's filters as written, with the day the defaults follow.
    struct Key: Hashable, Sendable {
        let from: String?
        let to: String?
        let area: String?
        let category: String?
        let today: String
    }

    static var capacity: Int { 256 }
    private let kept = Mutex<(version: Int64, entries: [Key: Value])>((-1, [:]))

    /// What was computed for `key` under `version`, or nil.
    func entry(_ key: Key, version: Int64) -> Value? {
        kept.withLock { $0.version == version ? $0.entries[key] : nil }
    }

    /// Keeps what was computed for `key` under `version`; an older version's entries are dropped.
    func keep(_ entry: Value, for key: Key, version: Int64) {
        kept.withLock { kept in
            // Computed while a refresh committed: newer figures are already kept.
            guard version >= kept.version else { return }
            if kept.version != version || kept.entries.count >= Self.capacity { kept = (version, [:]) }
            kept.entries[key] = entry
        }
    }
}

/// The figures per desa/kelurahan for a query, as the statistics' GeoJSON shows them.
struct AreaStatistics: Sendable {
    let query: StatisticsQuery
    let figures: [RegionCode: StatisticsFigures]
}
