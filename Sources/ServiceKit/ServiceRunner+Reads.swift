import Postgres

/// The read replica of `HUB_DATABASE_READ_URL`: its pool, what is logged of it and its metrics.
extension ServiceRunner {
    /// The service's `ReadPool`: a replica pool as large as the primary's, logging in as the same
    /// role, when `HUB_DATABASE_READ_URL` is set; the primary's pool alone otherwise.
    static func readPool(_ configuration: HubConfiguration, primary: PostgresPool, name: ServiceName,
                         database: DatabaseCheck, logger: Logger) -> ReadPool {
        let replica = configuration.reads.url.map {
            PostgresPool(conninfo: $0, maximumConnections: configuration.databasePoolSize, applicationName: name.rawValue,
                         sessionSetup: database.sessionSetup)
        }
        return ReadPool(primary: primary, replica: replica, maximumLag: configuration.reads.maximumLag) { message, isProblem in
            let fields = ["variable": "HUB_DATABASE_READ_URL"]
            if isProblem { logger.warning(message, fields) } else { logger.info(message, fields) }
        }
    }

    /// `hub_db_reads_total` by server and `hub_db_replica_lag_seconds`, when there is a replica.
    func installReadMetrics() {
        guard reads.replica != nil else { return }
        let reads = self.reads
        metrics.gauge("hub_db_reads_total", type: "counter", help: "Lag-tolerant reads, by the server that served them.") {
            let status = reads.status
            return [("server=\"replica\"", Double(status.replicaReads)), ("server=\"primary\"", Double(status.primaryReads))]
        }
        metrics.gauge("hub_db_replica_lag_seconds",
                      help: "How far the read replica is behind the primary, as last probed (absent while it is away or unknown).") {
            guard case .replaying(_, let lag?)? = reads.status.replica, lag.isFinite else {
                return reads.status.replica == .primary ? [("", 0)] : []
            }
            return [("", lag)]
        }
    }
}
