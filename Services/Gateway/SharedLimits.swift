import HTTP
import HubStore
import ServiceKit

/// A shared limit is what the rate limit middleware asks for (HubStore knows nothing of HTTP).
extension SharedBuckets.Limiter: RateLimiting {}

/// The gateway's two limits per client address, submissions and lookups (`HUB_SUBMIT_*`,
/// `HUB_TRACK_*`), shared by every gateway replica through PostgreSQL (`SharedBuckets` says how,
/// and how far replicas can overshoot), so a second gateway behind the load balancer does not
/// double what a client may submit or how many tracking codes it may try.
struct SharedLimits {
    let submissions: SharedBuckets.Limiter
    let lookups: SharedBuckets.Limiter

    /// The limits of `runner`'s configuration, sent to the database every second while it runs,
    /// their decisions in `/metrics`.
    init(runner: ServiceRunner) {
        let logger = runner.logger
        let buckets = SharedBuckets(pool: runner.pool, clock: monotonicSeconds, log: { logger.warning($0) })
        let limits = runner.configuration.rateLimits
        submissions = buckets.limiter("submissions", perMinute: limits.submissions.perMinute, burst: limits.submissions.burst)
        lookups = buckets.limiter("lookups", perMinute: limits.lookups.perMinute, burst: limits.lookups.burst)
        runner.periodically("rate-limits", every: 1) { buckets.flush() }
        runner.metrics.gauge("hub_rate_limit_shared",
                             help: "1 while the rate limits are shared through the database, 0 while this replica limits alone.") {
            [("", buckets.isShared ? 1 : 0)]
        }
        runner.metrics.gauge("hub_rate_limit_decisions_total", type: "counter",
                             help: "Rate-limited requests by how they were decided: own (this replica's view), asked (the database), refused.") {
            let decisions = buckets.decisions
            return [("how=\"own\"", Double(decisions.own)), ("how=\"asked\"", Double(decisions.asked)),
                    ("how=\"refused\"", Double(decisions.refused))]
        }
    }
}
