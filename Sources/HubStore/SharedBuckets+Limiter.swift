import Synchronization

extension SharedBuckets {
    /// One shared limit (the gateway's lookups, say), asked in two steps as a rate limit middleware
    /// asks: from the request's head on the event loop, where nothing may block, only the refusals
    /// this replica's view makes certain; then in the handler chain, on a worker thread, the count:
    /// on the replica's own view, or in the database for a client near its limit.
    public final class Limiter: Sendable {
        /// The limit's name and figures (`lookups/120/60`), the stored keys' prefix.
        public let scope: String
        /// Seconds a request moves a key's arrival time, and the requests a bucket holds.
        let interval: Double
        let burst: Int
        private let ledger: Mutex<BucketLedger>
        private let state: State

        init(scope: String, ledger: BucketLedger, state: State) {
            self.scope = scope
            interval = ledger.interval
            burst = ledger.burst
            self.ledger = Mutex(ledger)
            self.state = state
        }

        /// From the head, without blocking or counting.
        /// - Returns: the seconds until `key` may retry when its refusal is certain already, else nil.
        public func admitAtHead(_ key: String) -> Int? {
            let now = state.clock()
            guard let wait = ledger.withLock({ $0.refusal(key, now: now) }) else { return nil }
            state.count(.refused)
            return wait
        }

        /// Counts one request of `key`; may wait for the database (never longer than the pool lets it,
        /// and not at all while the replica decides alone). Never throws.
        /// - Returns: nil when admitted, else the seconds until a token is free (Retry-After).
        public func admitInChain(_ key: String) -> Int? {
            let shared = state.isShared
            let step = ledger.withLock { $0.take(key, now: state.clock(), shared: shared) }
            switch step {
            case .admit:
                state.count(.own)
                return nil
            case .refuse(let wait):
                state.count(.refused)
                return wait
            case .ask(let taken, let age):
                let hit = RateLimitBuckets.Hit(scope: scope, key: key, interval: interval, burst: burst, taken: taken, age: age,
                                               asks: true)
                guard let answer = state.exchange([hit])?.first else { return alone(key) }
                state.count(.asked)
                let now = state.clock()
                return ledger.withLock { ledger in
                    ledger.learn(key, ahead: answer.ahead, now: now)
                    return answer.granted ? nil : ledger.refusal(key, now: now) ?? 1
                }
            }
        }

        /// The decision without the database (it did not answer, or lost the key's row to a sweep).
        private func alone(_ key: String) -> Int? {
            let step = ledger.withLock { $0.take(key, now: state.clock(), shared: false) }
            guard case .refuse(let wait) = step else {
                state.count(.own)
                return nil
            }
            state.count(.refused)
            return wait
        }

        /// Hands over the requests not sent yet, as the exchange's hits.
        func drain(now: Double) -> [RateLimitBuckets.Hit] {
            ledger.withLock { $0.drain(now: now) }.map {
                RateLimitBuckets.Hit(scope: scope, key: $0.key, interval: interval, burst: burst, taken: $0.taken, age: $0.age)
            }
        }

        /// Takes in the shared state of the keys an exchange answered for.
        func learn(_ answers: [RateLimitBuckets.Answer], now: Double) {
            guard !answers.isEmpty else { return }
            ledger.withLock { ledger in
                for answer in answers { ledger.learn(answer.key, ahead: answer.ahead, now: now) }
            }
        }
    }
}
