import Foundation
import HTTP
import Postgres
import Queue

/// Runs one executable: reads the environment, checks the schema, serves HTTP, runs the queue
/// consumers, and stops gracefully on SIGTERM or SIGINT. Everything an executable shares lives here.
public final class ServiceRunner: @unchecked Sendable {
    public let name: ServiceName
    public let environment: ServiceEnvironment
    public let logger: Logger
    public let metrics = Metrics()
    public let pool: PostgresPool
    /// The public edge's settings (`HUB_PUBLIC_URL`, `HUB_COOKIE_SECURE`, `HUB_METRICS_TOKEN`).
    public let edge: PublicEdge
    /// The schema version and login checks the main handed in.
    public let database: DatabaseCheck
    private var consumers: [QueueConsumer] = []
    private var tasks: [PeriodicTask] = []
    private let signals: SignalWaiter
    private let requests: HTTPRequestCounter

    /// Prepares the service; exits the process with a clear message when misconfigured or when the
    /// database schema is older than this binary expects.
    /// - Parameter database: the schema version to expect and the login check (see `DatabaseCheck`).
    public init(name: ServiceName, environment: ServiceEnvironment = ServiceEnvironment(), database: DatabaseCheck) {
        // First, before any thread exists, so every thread inherits the blocked termination signals.
        self.signals = SignalWaiter()
        self.name = name
        self.environment = environment
        self.database = database
        self.logger = Logger(service: name.rawValue)
        let url: String
        let poolSize: Int
        do {
            url = try environment.databaseURL()
            poolSize = try environment.integer("HUB_DB_POOL_SIZE", default: 10, range: 1...200)
            edge = try PublicEdge(environment: environment)
            _ = try environment.trustedProxies(for: name)
        } catch {
            Self.fail(name, "\(error)")
        }
        pool = PostgresPool(conninfo: url, maximumConnections: poolSize, applicationName: name.rawValue,
                            sessionSetup: database.sessionSetup)
        requests = HTTPRequestCounter(on: metrics)
        checkSchema()
        metrics.gauge("hub_log_dropped_lines_total", type: "counter",
                      help: "Access-log lines dropped because standard error could not keep up.") {
            [("", Double(LogOutput.standardError.droppedLines))]
        }
    }

    /// Adds a consumer for a queue; it starts with `run`.
    public func consume(queue: String, handler: @escaping QueueConsumer.Handler) {
        let logger = self.logger
        let lease = (try? environment.integer("HUB_QUEUE_LEASE_SECONDS", default: 30, range: 1...3600)) ?? 30
        let consumer = QueueConsumer(pool: pool, queue: queue, leaseSeconds: Double(lease),
                                     log: { logger.warning($0) }, handler: handler)
        consumers.append(consumer)
        let all = consumers
        let counters: [(String, String, @Sendable (QueueConsumer) -> Int)] = [
            ("hub_queue_processed_total", "Messages this process handled and acknowledged.", { $0.processed.load(ordering: .relaxed) }),
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
        router = router.wrapped(ResponsePolicy(edge: edge).middleware)
        QueueMetrics.install(on: metrics, pool: pool)
        var configuration = HTTPServerConfiguration(host: environment.listenHost, port: 0)
        do {
            configuration.port = try environment.port(for: name)
            configuration.trustedProxies = try environment.trustedProxies(for: name)
            // Proxies speak for many clients: the per-client connection cap is theirs to apply.
            configuration.isTrustedPeer = { [proxies = configuration.trustedProxies] in proxies.contains($0) }
            if let site = edge.publicURL { configuration.authorities = [site.authority] }
            configuration.workerThreads = try environment.integer("HUB_HTTP_WORKERS", default: 32, range: 1...512)
            configuration.maxConnections = try environment.integer("HUB_MAX_CONNECTIONS", default: 4096, range: 1...1_000_000)
            try Self.configureLimits(&configuration, from: environment)
        } catch {
            Self.fail(name, "\(error)")
        }
        let logger = self.logger
        let requests = self.requests
        let finalRouter = router
        let server = HTTPServer(configuration: configuration, router: finalRouter,
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
        if environment.values["HUB_EXIT_WITH_PARENT"] == "1" { ParentWatch.start(logger: logger) }
        logger.info("listening", ["host": configuration.host, "port": server.port, "schema_version": database.expectedVersion])
        let signal = signals.wait()
        logger.info("stopping", ["signal": signal])
        server.stop()
        for consumer in consumers { consumer.stop() }
        for task in tasks { task.stop() }
        server.wait()
        pool.shutdown()
        // Every queued access line is written before the last line and the exit.
        LogOutput.standardError.close()
        logger.info("stopped")
        exit(0)
    }

    /// Waits for the database (up to `HUB_STARTUP_WAIT` seconds) and refuses to run on an old schema.
    private func checkSchema() {
        let wait = (try? environment.integer("HUB_STARTUP_WAIT", default: 30, range: 0...3600)) ?? 30
        let deadline = Date().addingTimeInterval(Double(wait))
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

    public static func fail(_ name: ServiceName, _ message: String) -> Never {
        LogOutput.standardError.write("\(name.rawValue): \(message)\n")
        exit(1)
    }
}
