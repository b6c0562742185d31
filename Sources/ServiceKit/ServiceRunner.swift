import Foundation
import HTTP
import Postgres
import Queue

/// Runs one executable: reads its configuration, checks the schema, serves HTTP, runs the queue
/// consumers, and stops gracefully on SIGTERM or SIGINT. Everything an executable shares lives here.
public final class ServiceRunner: @unchecked Sendable {
    public let name: ServiceName
    /// Everything the environment configures, read once at start.
    public let configuration: HubConfiguration
    public let logger: Logger
    public let metrics = Metrics()
    public let pool: PostgresPool
    /// Lag-tolerant reads: to the replica of `HUB_DATABASE_READ_URL` when it is set and caught up,
    /// else to `pool` (see `ReadPool`).
    public let reads: ReadPool
    /// The schema version and login checks the main handed in.
    public let database: DatabaseCheck
    private var consumers: [QueueConsumer] = []
    private var tasks: [PeriodicTask] = []
    private let signals: SignalWaiter
    private let requests: HTTPRequestCounter

    /// The public edge's settings (`HUB_PUBLIC_URL`, `HUB_COOKIE_SECURE`, `HUB_METRICS_TOKEN`).
    public var edge: PublicEdge { configuration.edge }

    /// Prepares the service; exits the process with a clear message when misconfigured (one line per
    /// variable that does not read) or when the database schema is older than this binary expects.
    /// - Parameter database: the schema version to expect and the login check (see `DatabaseCheck`).
    public init(name: ServiceName, environment: [String: String] = ProcessInfo.processInfo.environment,
                database: DatabaseCheck) {
        // First, before any thread exists, so every thread inherits the blocked termination signals
        // and allocates in the arenas the limit allows.
        self.signals = SignalWaiter()
        MallocArenas.install()
        self.name = name
        self.database = database
        self.logger = Logger(service: name.rawValue)
        do throws(ConfigurationError) {
            configuration = try HubConfiguration(environment: environment)
        } catch {
            Self.fail(name, error.problems.map(\.message))
        }
        PublicEdge.install(configuration.edge)
        pool = PostgresPool(conninfo: configuration.databaseURL, maximumConnections: configuration.databasePoolSize,
                            applicationName: name.rawValue, sessionSetup: database.sessionSetup)
        reads = Self.readPool(configuration, primary: pool, name: name, database: database, logger: logger)
        requests = HTTPRequestCounter(on: metrics)
        checkSchema()
        installReadMetrics()
        metrics.gauge("hub_log_dropped_lines_total", type: "counter",
                      help: "Access-log lines dropped because standard error could not keep up.") {
            [("", Double(LogOutput.standardError.droppedLines))]
        }
    }

    /// Adds a consumer for a queue; it starts with `run`.
    /// - Parameter batchSize: messages leased at once (fewer for handlers that wait on other systems).
    public func consume(queue: String, batchSize: Int = 64, handler: @escaping QueueConsumer.Handler) {
        consume(queue: queue, batchSize: batchSize, batches: { _, _ in handler })
    }

    /// Adds a consumer whose handler reads what a whole batch needs at once (`QueueConsumer.BatchHandler`).
    public func consume(queue: String, batchSize: Int = 64, batches: @escaping QueueConsumer.BatchHandler) {
        let logger = self.logger
        let consumer = QueueConsumer(pool: pool, queue: queue, batchSize: batchSize, leaseSeconds: Double(configuration.queueLeaseSeconds),
                                     log: { logger.warning($0) }, batches: batches)
        consumers.append(consumer)
        let all = consumers
        let counters: [(String, String, @Sendable (QueueConsumer) -> Int)] = [
            ("hub_queue_processed_total", "Messages this process handled and acknowledged.", { $0.processed.load(ordering: .relaxed) }),
            ("hub_queue_fetches_total", "Leases this process asked for, with work found or not.", { $0.fetches.load(ordering: .relaxed) }),
            ("hub_queue_failures_total", "Handler failures in this process (each retried or dead-lettered).", { $0.failed.load(ordering: .relaxed) }),
            ("hub_queue_dead_lettered_total", "Messages this process moved to the dead-letter table.", { $0.deadLettered.load(ordering: .relaxed) }),
        ]
        for (name, help, read) in counters {
            metrics.gauge(name, type: "counter", help: help) {
                all.map { ("queue=\"\(Metrics.label($0.queue))\"", Double(read($0))) }
            }
        }
    }

    /// Repeats `work` every `seconds` on a thread of its own while the service runs.
    public func periodically(_ name: String, every seconds: Double, _ work: @escaping @Sendable () throws -> Void) {
        let logger = self.logger
        tasks.append(PeriodicTask(name: name, interval: seconds, log: { logger.warning($0) }, work: work))
    }

    /// Serves `router` (plus health routes) and the consumers until SIGTERM/SIGINT, then exits 0.
    public func run(router: Router) -> Never {
        var router = router
        // The gateway's port is the public one: its /metrics needs HUB_METRICS_TOKEN; a module's is internal.
        HealthRoutes.install(on: &router, pool: pool, database: database, metrics: metrics,
                             metricsAccess: name == .gateway ? .bearer(edge.metricsToken) : .open)
        let log = self.logger
        router = router.wrapped(DatabaseUnavailable.translating { request, error in log.handlerFailed(request, error) })
        router = router.wrapped(ResponsePolicy(edge: edge).middleware)
        QueueMetrics.install(on: metrics, pool: pool)
        var settings = HTTPServerConfiguration(host: configuration.listenHost, port: configuration.port(of: name))
        settings.trustedProxies = configuration.trustedProxies(for: name)
        // Proxies speak for many clients: the per-client connection cap is theirs to apply.
        settings.isTrustedPeer = { [proxies = settings.trustedProxies] in proxies.contains($0) }
        if let site = edge.publicURL { settings.authorities = [site.authority] }
        configuration.http.apply(to: &settings)
        let logger = self.logger
        let requests = self.requests
        let finalRouter = router
        let server = HTTPServer(configuration: settings, router: finalRouter,
                                onAccess: { record in
                                    requests.count(method: record.method, status: record.status)
                                    LogOutput.standardError.enqueue(AccessLogLine.format(record, service: logger.service))
                                },
                                onError: { request, error in logger.handlerFailed(request, error) })
        Self.installMetrics(of: server, on: metrics)
        do {
            try server.start()
        } catch {
            Self.fail(name, "\(error)")
        }
        for consumer in consumers { consumer.start() }
        for task in tasks { task.start() }
        if configuration.exitWithParent { ParentWatch.start(logger: logger) }
        logger.info("listening", ["host": configuration.listenHost, "port": server.port, "schema_version": database.expectedVersion])
        let signal = signals.wait()
        logger.info("stopping", ["signal": signal])
        server.stop()
        for consumer in consumers { consumer.stop() }
        for task in tasks { task.stop() }
        server.wait()
        reads.shutdown()
        pool.shutdown()
        // Every queued access line is written before the last line and the exit.
        LogOutput.standardError.close()
        logger.info("stopped")
        exit(0)
    }

    /// Waits for the database (up to `HUB_STARTUP_WAIT` seconds) and refuses to run on an old schema.
    private func checkSchema() {
        let deadline = Date().addingTimeInterval(Double(configuration.startupWaitSeconds))
        while true {
            do {
                let version = try pool.withConnection { try database.currentVersion($0) }
                if version < database.expectedVersion {
                    Self.fail(name, "database schema is at version \(version) but this \(name.rawValue) needs "
                              + "\(database.expectedVersion); run `hubctl migrate` first")
                }
                if try pool.withConnection({ try database.loginIsPrivileged($0) }) {
                    logger.warning("HUB_DATABASE_URL logs in as a superuser; give this service its own role "
                                   + "(`hubctl db-roles`, role \(database.role ?? "?"))")
                }
                return
            } catch {
                if Date() > deadline { Self.fail(name, "cannot reach the database: \(error)") }
                logger.warning("waiting for the database", ["error": String(describing: error)])
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }

    /// Writes each line, prefixed with the service's name, to standard error and exits 1.
    public static func fail(_ name: ServiceName, _ lines: [String]) -> Never {
        LogOutput.standardError.write(lines.map { "\(name.rawValue): \($0)\n" }.joined())
        exit(1)
    }

    public static func fail(_ name: ServiceName, _ message: String) -> Never { fail(name, [message]) }
}
