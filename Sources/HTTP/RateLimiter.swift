import Synchronization

/// A token bucket per client key (the peer address): `burst` requests at once, refilled at `perMinute`.
/// Safe across threads; idle buckets are forgotten so memory stays bounded.
public final class RateLimiter: Sendable {
    public let perMinute: Double
    public let burst: Double
    private let buckets = Mutex<[String: (tokens: Double, at: Double)]>([:])
    private let lastSweep = Mutex<Double>(0)
    private let clock: @Sendable () -> Double

    /// - Parameter clock: seconds on a monotonic clock (tests pass their own).
    public init(perMinute: Int, burst: Int, clock: @escaping @Sendable () -> Double = monotonicSeconds) {
        self.perMinute = Double(max(1, perMinute))
        self.burst = Double(max(1, burst))
        self.clock = clock
    }

    /// Takes one token for `key`.
    /// - Returns: nil when allowed, else the seconds until a token is free (for Retry-After).
    public func take(_ key: String) -> Int? {
        let now = clock()
        let rate = perMinute / 60
        sweep(now: now)
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? (burst, now)
            bucket.tokens = min(burst, bucket.tokens + (now - bucket.at) * rate)
            bucket.at = now
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                buckets[key] = bucket
                return nil
            }
            buckets[key] = bucket
            return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
        }
    }

    /// Drops buckets that have refilled completely; they behave exactly like absent ones.
    private func sweep(now: Double) {
        let due = lastSweep.withLock { last -> Bool in
            guard now - last > 60 else { return false }
            last = now
            return true
        }
        guard due else { return }
        let full = burst / (perMinute / 60)
        buckets.withLock { buckets in buckets = buckets.filter { now - $0.value.at < full } }
    }

    /// The 429 answer with Retry-After, as JSON.
    public static func tooManyRequests(retryAfter seconds: Int) -> HTTPResponse {
        RateLimited(retryAfter: seconds).jsonResponse
    }
}
