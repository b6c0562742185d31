import HTTP
import HubStore
import Postgres

/// `/healthz`, `/readyz` and `/metrics`, which every service answers.
public enum HealthRoutes {
    /// Adds the three routes to `router`.
    public static func install(on router: inout Router, pool: PostgresPool, metrics: Metrics) {
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
        router.get("/metrics") { _ in
            var response = HTTPResponse.text(metrics.render())
            response.headers.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            return response
        }
    }
}
