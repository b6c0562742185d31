/// A limit on how often one client (its key: `HTTPRequest.clientAddress`) may make a kind of
/// request, as `RateLimit` middleware asks it, in two steps:
/// 1. `admitAtHead` from the request's head, on the event loop, before its body is read: it must
///    not block, so it decides only what it knows at once;
/// 2. `admitInChain` for a request the head admitted, in the route's handler chain, on a worker
///    thread (unless the route is inline): it may block, e.g. on a limit shared by every replica
///    through a database.
/// A limiter counts each request in one of the two steps, never in both. Each step answers nil to
/// go on, or the seconds until the client may retry (429 with Retry-After).
public protocol RateLimiting: Sendable {
    /// The head's step: must not block.
    func admitAtHead(_ key: String) -> Int?
    /// The handler chain's step, for a request the head admitted: may block.
    func admitInChain(_ key: String) -> Int?
}

/// The in-memory token bucket decides everything at the head: a refused client's body is never read.
extension RateLimiter: RateLimiting {
    public func admitAtHead(_ key: String) -> Int? { take(key) }

    public func admitInChain(_ key: String) -> Int? { nil }
}
