import HTTP
import Postgres

/// `/healthz`, `/readyz` and `/metrics`, which every service answers.
public enum HealthRoutes {
    /// Who may read `/metrics`.
    public enum MetricsAccess: Sendable {
        /// Anyone who reaches the port (a module's port is not public).
        case open
        /// Only with `Authorization: Bearer TOKEN` (401 without it); without a token configured,
        /// nobody: the router's 404, as if there were no such path (the gateway's public port).
        case bearer(String?)

        /// The refusal for `request`, or nil when it may read the metrics.
        func refusal(_ request: HTTPRequest) -> HTTPResponse? {
            switch self {
            case .open: return nil
            case .bearer(nil): return .error(404, code: "not_found", message: "no such resource: \(request.path)")
            case .bearer(let token?):
                if let header = request.headers["Authorization"], header.utf8.count > 7,
                   header.prefix(7).lowercased() == "bearer ", ConstantTime.equals(String(header.dropFirst(7)), token) {
                    return nil
                }
                var refusal = HTTPResponse.error(401, code: "unauthenticated", message: "the metrics need Authorization: Bearer HUB_METRICS_TOKEN")
                refusal.headers.add("WWW-Authenticate", "Bearer realm=\"metrics\"")
                return refusal
            }
        }
    }

    /// Adds the three routes to `router`.
    /// - Parameter database: the schema version `/readyz` expects, and how to read the database's.
    public static func install(on router: inout Router, pool: PostgresPool, database: DatabaseCheck, metrics: Metrics,
                               metricsAccess: MetricsAccess = .open) {
        // Liveness touches nothing that can block, so the event loop answers it without a worker; the
        // answer never changes, so it is encoded once.
        let alive = HTTPResponse.json(["status": .string("ok")])
        router.get("/healthz", inline: true) { _ in alive }
        router.get("/readyz") { _ in
            do {
                let version = try pool.withConnection { try database.currentVersion($0) }
                guard version >= database.expectedVersion else {
                    return .json(["status": .string("schema_outdated"), "schema_version": .integer(version),
                                  "expected_version": .integer(database.expectedVersion)], status: 503)
                }
                return .json(["status": .string("ready"), "schema_version": .integer(version)])
            } catch {
                return .json(["status": .string("database_unreachable")], status: 503)
            }
        }
        router.get("/metrics") { request in
            if let refusal = metricsAccess.refusal(request) { return refusal }
            var response = HTTPResponse.text(metrics.render())
            response.headers.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            return response
        }
    }
}
