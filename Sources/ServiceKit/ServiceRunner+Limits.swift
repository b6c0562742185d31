import HTTP

/// The HTTP server's counters on `/metrics`, and the photo allowance.
extension ServiceRunner {
    /// `hub_http_refusals_total` by reason and `hub_http_buffered_body_bytes`.
    static func installMetrics(of server: HTTPServer, on metrics: Metrics) {
        metrics.gauge("hub_http_refusals_total", type: "counter",
                      help: "Clients the server cut short before a handler: connection limits, deadlines, slow uploads, a full body budget.") {
            server.refusals.snapshot().map { ("reason=\"\($0.refusal.rawValue)\"", Double($0.count)) }
        }
        metrics.gauge("hub_http_buffered_body_bytes", help: "Bytes of request bodies held now (announced or read).") {
            [("", Double(server.bufferedBodyByteCount))]
        }
    }
}
