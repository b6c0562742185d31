import Foundation
import Postgres
import Synchronization

/// Rate limits that every replica of a service shares through PostgreSQL, so that two gateways
/// behind a load balancer together allow a client what one would (issue 18), at the cost of about
/// one statement a second per replica rather than one per request.
///
/// Each limit keeps a `BucketLedger`, this replica's view of its keys. A request is decided in one
/// of three ways:
/// - on the replica's own view, for a client far from its limit (the ordinary reader of tracking
///   pages): nothing is written in the request; `flush()`, called about once a second from a
///   background thread, sends every key's admitted requests to `rate_limit_buckets` in one
///   exchange and brings back each key's shared state;
/// - in the database, in the request, for a client near its limit: one statement counts what the
///   replica admitted of that key and decides this request against everything every replica sent,
///   so the boundary is the database's (`RateLimitBuckets.exchange`);
/// - refused from the head, without a statement, when the replica's view already says so: that view
///   never knows more requests than the database does, so such a refusal is the database's too, and
///   a client hammering past its limit costs no writes.
///
/// **How far replicas can overshoot.** A replica admits a key on its own view only up to its share
/// of the burst (`BucketLedger.share`, ⌊(burst − 1) / 2⌋) since it last heard from the database.
/// Requests of a key that another replica admitted and has not sent yet (at most its share: they
/// go with its next flush, within about a second) or sent while this replica did not look at the
/// key are the only ones a decision can miss. So with N replicas a key is admitted at most
/// (N − 1) × share requests beyond what one replica allows, and those are counted against the key
/// when they arrive (its arrival time moves past them), so over any longer time the total is what
/// one replica allows. Two replicas taking turns (a load balancer's round robin) on a key that is
/// fresh or idle are exact: each spends less than half the burst alone and asks once before the
/// boundary, sending what it took, and the database then decides the boundary itself.
///
/// **When the database is away** (or a statement fails), nothing is thrown: the replica decides
/// alone, as one in-memory token bucket per key does, logs that once, stops asking in requests,
/// and lets `flush()` check every second; when an exchange succeeds again it logs that once and
/// shares again. Requests admitted while apart are not sent (after a long outage they would charge a
/// client for a burst long refilled): the shared state resumes from what it held, and a replica's
/// own view, which still counts them, only refuses sooner from the head until those buckets refill.
public final class SharedBuckets: Sendable {
    private let state: State
    private let limiters = Mutex<[Limiter]>([])
    private let lastSweep: Mutex<Double>
    /// Seconds between two sweeps of the full buckets' rows (one statement after a flush).
    static let sweepInterval = 60.0

    /// - Parameters:
    ///   - pool: the service's database (a writable one: the exchanges write).
    ///   - clock: seconds on a monotonic clock (tests pass their own).
    ///   - log: told when the replica starts deciding alone and when it shares again.
    public init(pool: PostgresPool, clock: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime },
                log: @escaping @Sendable (String) -> Void) {
        state = State(pool: pool, clock: clock, log: log)
        lastSweep = Mutex(clock())
    }

    /// The limiter of `name` at this rate and burst; the same one when asked twice. Replicas with
    /// other figures for the same name keep buckets of their own (the figures are part of the scope).
    public func limiter(_ name: String, perMinute: Int, burst: Int) -> Limiter {
        let ledger = BucketLedger(perMinute: perMinute, burst: burst)
        let scope = "\(name)/\(max(1, perMinute))/\(ledger.burst)"
        return limiters.withLock { limiters in
            if let known = limiters.first(where: { $0.scope == scope }) { return known }
            let limiter = Limiter(scope: scope, ledger: ledger, state: state)
            limiters.append(limiter)
            return limiter
        }
    }

    /// Sends every limit's requests admitted since the last flush in one exchange, learns each
    /// key's shared state back, and sweeps the full buckets once a minute. While the replica
    /// decides alone it checks whether the database is back. Never throws: a failed exchange's
    /// requests are not sent again.
    public func flush() {
        let now = state.clock()
        let limiters = self.limiters.withLock { $0 }
        let hits = limiters.flatMap { $0.drain(now: now) }
        let sweep = lastSweep.withLock { last in
            guard now - last >= Self.sweepInterval else { return false }
            last = now
            return true
        }
        guard !hits.isEmpty || sweep || !state.isShared else { return }
        guard let answers = state.exchange(hits, sweep: sweep) else { return }
        let after = state.clock()
        let byScope = Dictionary(grouping: answers, by: \.scope)
        for limiter in limiters { limiter.learn(byScope[limiter.scope] ?? [], now: after) }
    }

    /// Whether decisions are shared now (false while the database is away).
    public var isShared: Bool { state.isShared }

    /// How this replica's requests were decided since it started.
    public var decisions: Decisions { state.decisions }
}

extension SharedBuckets {
    /// How a request was decided.
    enum Decision { case own, asked, refused }

    /// Counts of decisions, for `/metrics` and tests.
    public struct Decisions: Sendable, Equatable {
        /// Admitted on the replica's own view, or alone while the database was away.
        public var own = 0
        /// Decided by the database in the request.
        public var asked = 0
        /// Refused by the replica's own view (at the head or in the request).
        public var refused = 0
    }

    /// What a service's limiters share: the database, the clock, and whether the database answers.
    final class State: Sendable {
        let pool: PostgresPool
        let clock: @Sendable () -> Double
        let log: @Sendable (String) -> Void
        private let shared = Atomic<Bool>(true)
        private let own = Atomic<Int>(0)
        private let asked = Atomic<Int>(0)
        private let refused = Atomic<Int>(0)

        init(pool: PostgresPool, clock: @escaping @Sendable () -> Double, log: @escaping @Sendable (String) -> Void) {
            self.pool = pool
            self.clock = clock
            self.log = log
        }

        var isShared: Bool { shared.load(ordering: .acquiring) }
        var decisions: Decisions {
            Decisions(own: own.load(ordering: .relaxed), asked: asked.load(ordering: .relaxed), refused: refused.load(ordering: .relaxed))
        }

        /// Counts one decision (an atomic each: every rate-limited request passes here).
        func count(_ kind: Decision) {
            switch kind {
            case .own: own.add(1, ordering: .relaxed)
            case .asked: asked.add(1, ordering: .relaxed)
            case .refused: refused.add(1, ordering: .relaxed)
            }
        }

        /// One exchange (and the sweep when due); nil when the database did not answer, which turns
        /// the replica to deciding alone (logged once), as any answer turns it back; nil too when no
        /// connection of the service's pool was free in time, which changes nothing.
        func exchange(_ hits: [RateLimitBuckets.Hit], sweep: Bool = false) -> [RateLimitBuckets.Answer]? {
            do {
                let answers = try pool.withConnection { connection in
                    let answers = try RateLimitBuckets.exchange(hits, on: connection)
                    if sweep { try RateLimitBuckets.forgetFull(on: connection) }
                    return answers
                }
                if !shared.exchange(true, ordering: .acquiringAndReleasing) {
                    log("rate limits: the database answers again; the replicas share their limits again")
                }
                return answers
            } catch let error as PostgresError where error.isPoolTimeout {
                // The service's own pool is busy, not the database away: this exchange is decided alone,
                // and sharing goes on (else limits would stop being shared exactly under load).
                return nil
            } catch {
                if shared.exchange(false, ordering: .acquiringAndReleasing) {
                    log("rate limits: the database does not answer (\(error)); each replica limits on its own until it does")
                }
                return nil
            }
        }
    }
}
