/// The primary's WAL position as sampled over the last `window` seconds, which tells how far in time
/// a replica is behind: a replica that has replayed up to the position the primary had at time `t`
/// holds everything committed by then, so it lags the newest sample by at most `newest − t`.
/// Measured so, a quiet hub has no lag (nothing new was written) and a busy one's lag is what the
/// replica misses, not the age of the last commit. A pure value: `ReadPool`'s probe feeds it.
public struct PrimaryTrail: Sendable {
    /// Seconds of samples kept: the longest lag worth telling apart (a replica further behind is
    /// `.infinity` behind).
    public let window: Double
    private var samples: [(at: Double, position: WALPosition)] = []

    /// An empty trail that keeps `window` seconds of samples.
    public init(window: Double) { self.window = max(0, window) }

    /// Adds the primary's position at `time` (seconds on a monotonic clock).
    public mutating func record(_ position: WALPosition, at time: Double) {
        // Another primary (after a failover) may stand at a lower position: its own trail begins.
        if let last = samples.last, position < last.position { samples.removeAll() }
        samples.append((time, position))
        // The oldest sample kept is the newest one at or beyond the window, so a replica behind it
        // is known to be at least `window` behind.
        let start = samples.lastIndex { $0.at <= time - window } ?? 0
        samples.removeFirst(start)
    }

    /// Seconds a replica that has replayed up to `replayed` is behind the newest sample: 0 once it
    /// has replayed that; `.infinity` when it is behind every sample of a trail that spans the window
    /// (so `window` or more); nil while that is not known (no sample yet, or behind every sample of a
    /// trail still shorter than the window, as just after a start or a failover).
    public func lag(of replayed: WALPosition) -> Double? {
        guard let oldest = samples.first, let newest = samples.last else { return nil }
        guard let reached = samples.last(where: { $0.position <= replayed }) else {
            return newest.at - oldest.at >= window ? .infinity : nil
        }
        return newest.at - reached.at
    }
}
