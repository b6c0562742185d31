/// What `ReadPool`'s probe last learnt of the read server (`HUB_DATABASE_READ_URL`).
public enum ReplicaState: Equatable, Sendable {
    /// Not probed yet.
    case unknown
    /// It could not be reached, or a read on it failed for want of it.
    case away
    /// It is not in recovery: a primary itself (a promoted replica, or libpq's `prefer-standby`
    /// finding no standby), so it holds everything.
    case primary
    /// A streaming replica that has replayed up to `replayed`, `lag` seconds behind the primary as
    /// last sampled (`PrimaryTrail.lag(of:)`: `.infinity` beyond its window, nil while not known).
    case replaying(WALPosition, lag: Double?)
}

/// Where one lag-tolerant read goes: the replica when it is there, no further behind than the hub
/// tolerates, and past the reader's own last write; else the primary, and why. A pure decision,
/// table-tested; `ReadPool` acts on it.
public enum ReadRoute: Equatable, Sendable {
    /// The read server (`ReadPool.replica`).
    case replica
    /// The primary's pool, and why.
    case primary(Reason)

    /// Why a read goes to the primary.
    public enum Reason: Equatable, Sendable {
        /// No read server is configured.
        case noReplica
        /// Nothing recent is known of it: not probed yet, its lag not known yet, or the last probe is
        /// older than the limit.
        case unknown
        /// It could not be reached, or a read on it failed for want of it.
        case away
        /// Further behind the primary than `maximumLag`.
        case lagging
        /// Not yet past the reader's own last write (read-your-writes).
        case behindWriter
    }

    /// The limits a route is chosen within.
    public struct Limits: Equatable, Sendable {
        /// Seconds a replica may lag the primary and still be read (`HUB_DATABASE_READ_MAX_LAG_MS`).
        public var maximumLag: Double
        /// Seconds after which what the probe learnt no longer counts.
        public var maximumAge: Double

        public init(maximumLag: Double, maximumAge: Double) {
            self.maximumLag = maximumLag
            self.maximumAge = maximumAge
        }
    }

    /// - Parameters:
    ///   - replica: what the probe learnt; nil when no read server is configured.
    ///   - age: seconds since it was learnt.
    ///   - written: the position of the reader's own last write (its cookie), if it sent one.
    public static func choose(_ replica: ReplicaState?, age: Double, written: WALPosition?, limits: Limits) -> ReadRoute {
        guard let replica else { return .primary(.noReplica) }
        switch replica {
        case .unknown: return .primary(.unknown)
        case .away: return .primary(.away)
        case _ where age > limits.maximumAge: return .primary(.unknown)
        case .primary: return .replica
        case .replaying(let replayed, let lag):
            guard let lag else { return .primary(.unknown) }
            guard lag <= limits.maximumLag else { return .primary(.lagging) }
            if let written, replayed < written { return .primary(.behindWriter) }
            return .replica
        }
    }
}
