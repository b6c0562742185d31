import HTTP

/// The HTTP server's limits read from the environment, and their counters on `/metrics`.
extension ServiceRunner {
    /// Body limits, per-client connections, request deadlines and the body budget.
    /// - Throws: `ServiceEnvironment`'s error naming a variable whose value is not acceptable.
    static func configureLimits(_ configuration: inout HTTPServerConfiguration, from environment: ServiceEnvironment) throws {
        configuration.limits.bodyBytes = try environment.integer("HUB_MAX_BODY_BYTES", default: 1 << 20, range: 1024...(1 << 30))
        // Only the routes that take photos (RouteOptions.uploads) accept a multipart body this large.
        configuration.limits.uploadBytes = try environment.integer("HUB_MAX_MULTIPART_BYTES", default: 20 << 20,
                                                                   range: 1024...(1 << 30))
        configuration.maxConnectionsPerClient = try environment.integer(
            "HUB_MAX_CONNECTIONS_PER_CLIENT", default: max(8, configuration.maxConnections / 16), range: 1...1_000_000)
        configuration.requestTimeout = Double(try environment.integer("HUB_REQUEST_TIMEOUT_SECONDS", default: 300, range: 1...86_400))
        configuration.minimumUploadRate = Double(try environment.integer("HUB_MIN_UPLOAD_BYTES_PER_SECOND", default: 1024,
                                                                         range: 0...(1 << 30)))
        configuration.uploadRateGrace = Double(try environment.integer("HUB_UPLOAD_GRACE_SECONDS", default: 10, range: 0...86_400))
        configuration.maxBufferedBodyBytes = try environment.integer(
            "HUB_MAX_BUFFERED_BODY_BYTES", default: max(64 << 20, configuration.limits.uploadBytes), range: 1024...(1 << 40))
        guard configuration.maxBufferedBodyBytes >= max(configuration.limits.uploadBytes, configuration.limits.bodyBytes) else {
            throw ConfigurationError("HUB_MAX_BUFFERED_BODY_BYTES must be at least HUB_MAX_MULTIPART_BYTES and HUB_MAX_BODY_BYTES")
        }
    }

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
