import HTTP
import Synchronization
import Testing

struct RateLimiterTests {
    final class FakeClock: Sendable {
        let now = Mutex<Double>(1000)
        func advance(_ seconds: Double) { now.withLock { $0 += seconds } }
    }

    @Test func allowsTheBurstThenRefusesWithRetryAfterThenRefills() {
        let clock = FakeClock()
        let limiter = RateLimiter(perMinute: 6, burst: 3, clock: { clock.now.withLock { $0 } })
        #expect((0..<3).map { _ in limiter.take("203.0.113.9") } == [nil, nil, nil])
        #expect(limiter.take("203.0.113.9") == 10, "one token per 10 s at 6 per minute")
        #expect(limiter.take("198.51.100.7") == nil, "every address has its own bucket")
        clock.advance(10)
        #expect(limiter.take("203.0.113.9") == nil)
        #expect(limiter.take("203.0.113.9") != nil)
    }

    @Test func tooManyRequestsAnswerCarriesRetryAfter() {
        let response = RateLimiter.tooManyRequests(retryAfter: 7)
        #expect(response.status == 429 && response.headers["Retry-After"] == "7")
    }
}
