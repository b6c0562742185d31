import HTTP
import HubStore
import Postgres

/// `/healthz`, `/readyz` and `/metrics`, which every service answers.
public enum HealthRoutes {
    /// Who may read `/metrics`.
    public enum MetricsAccess: Sendable {
        /// Anyone who reaches the port (a module's port is not public).
        case open
        /// Only with `Authorization: Bearer TOKEN`; without a token configured, nobody. Everyone else
        /// gets the router's 404, as if there were no such path (the gateway's public port).
        case bearer(String?)

        func allows(_ request: HTTPRequest) -> Bool {
            switch self {
            case .open: return true
            case .bearer(nil): return false
            case .bearer(let token?):
                guard let header = request.headers["Authorization"], header.utf8.count > 7,
                      header.prefix(7).lowercased() == "bearer " else { return false }
                return ConstantTime.equals(String(header.dropFirst(7)), token)
            }
        }
    }

    /// Adds the three routes to `router`.
    public static func install(on router: inout Router, pool: PostgresPool, metrics: Metrics, metricsAccess: MetricsAccess = .open) {
        // Liveness touches nothing that can block, so the event loop answers it without a worker; the
        // answer never changes, so it is encoded once.
        let alive = HTTPResponse.json(["status": "ok"])
        router.get("/healthz", inline: true) { _ in alive }
        router.get("/readyz") { _ in
            do {
                let version = try pool.withConnection { try Migrator.currentVersion($0) }
                guard version >= Migrator.expectedVersion else {
                    return .json(["status": "schema_outdated", "schema_version": version,
                                  "expected_version": Migrator.expectedVersion], status: 503)
                }
                return .json(["status": "ready", "schema_version": version])
            } catch {
                return .json(["status": "database_unreachable"], status: 503)
            }
        }
        router.get("/metrics") { request in
            guard metricsAccess.allows(request) else {
                return .error(404, code: "not_found", message: "no such resource: \(request.path)")
            }
            var response = HTTPResponse.text(metrics.render())
            response.headers.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            return response
        }
    }
}
