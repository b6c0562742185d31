import Synchronization

/// `hub_http_requests_total` by method and status: counted per request under one lock with no
/// string building, rendered into label sets only when `/metrics` is scraped.
final class HTTPRequestCounter: Sendable {
    private struct Key: Hashable {
        let method: String
        let status: Int
    }

    private let counts = Mutex<[Key: Int]>([:])

    /// Counts the request and registers the family on `metrics`.
    init(on metrics: Metrics) {
        metrics.gauge("hub_http_requests_total", type: "counter", help: "HTTP requests answered, by method and status.") {
            [self] in
            self.counts.withLock { $0 }.map { key, count in
                ("method=\"\(Metrics.label(key.method))\",status=\"\(key.status)\"", Double(count))
            }
        }
    }

    func count(method: String, status: Int) {
        counts.withLock { $0[Key(method: method, status: status), default: 0] += 1 }
    }
}
