/// The gateway's limits per client address, each a rate and a burst; its replicas share one bucket
/// per client for each (HubStore's `SharedBuckets`).
public struct RateLimits: Sendable, Equatable {
    /// One limit: so many a minute on average, so many at once.
    public struct Limit: Sendable, Equatable {
        public let perMinute: Int
        public let burst: Int
    }

    /// `HUB_SUBMIT_RATE_PER_MINUTE` / `HUB_SUBMIT_BURST`: submissions (20 / 10).
    public let submissions: Limit
    /// `HUB_TRACK_RATE_PER_MINUTE` / `HUB_TRACK_BURST`: tracking lookups (120 / 60).
    public let lookups: Limit

    init(_ reader: inout ConfigurationReader) {
        submissions = Limit(perMinute: reader.integer("HUB_SUBMIT_RATE_PER_MINUTE", default: 20, in: 1...1_000_000),
                            burst: reader.integer("HUB_SUBMIT_BURST", default: 10, in: 1...1_000_000))
        lookups = Limit(perMinute: reader.integer("HUB_TRACK_RATE_PER_MINUTE", default: 120, in: 1...1_000_000),
                        burst: reader.integer("HUB_TRACK_BURST", default: 60, in: 1...1_000_000))
    }
}
