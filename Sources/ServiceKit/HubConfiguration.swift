import Complaints
import Glibc
import HTTP
import Postgres

/// Everything a service is configured with, read once at start from the environment (DESIGN.md's
/// contracts; README's configuration table). A pure function of the variables: every problem is
/// collected, each naming its variable, and `ServiceRunner` stops the service with all of them
/// before it listens. A variable that is unset or empty takes its documented default.
///
/// Adding a variable is one stored property here (or in one of the groups) and the one line in
/// `init` that reads it with `ConfigurationReader`.
public struct HubConfiguration: Sendable {
    /// `HUB_DATABASE_URL`, the libpq connection string of this service's database role.
    public let databaseURL: String
    /// `HUB_DATABASE_READ_URL`, `HUB_DATABASE_READ_MAX_LAG_MS`: where lag-tolerant reads go.
    public let reads: DatabaseReads
    /// `HUB_DB_POOL_SIZE`: PostgreSQL connections per service (10).
    public let databasePoolSize: Int
    /// `HUB_STARTUP_WAIT`: seconds a service waits for the database at start (30).
    public let startupWaitSeconds: Int
    /// `HUB_LISTEN_HOST`: the IPv4 address services listen on (127.0.0.1).
    public let listenHost: String
    /// `HUB_TRUSTED_PROXIES` as listed; `trustedProxies(for:)` is what a service trusts.
    public let listedProxies: TrustedProxies
    /// `HUB_PUBLIC_URL`, `HUB_COOKIE_SECURE`, `HUB_METRICS_TOKEN`.
    public let edge: PublicEdge
    /// The HTTP server's limits (`HUB_HTTP_WORKERS`, `HUB_MAX_*`, request deadlines).
    public let http: HTTPLimits
    /// `HUB_PHOTO_QUOTA_BYTES_PER_DAY`: photo bytes one client address may store per day (100 MiB).
    public let photoQuotaBytesPerDay: Int
    /// `HUB_QUEUE_LEASE_SECONDS`: how long a taken message is a consumer's (30).
    public let queueLeaseSeconds: Int
    /// `HUB_SWEEP_SECONDS`: how often a module escalates overdue cases (60).
    public let sweepSeconds: Int
    /// `HUB_LOGIN_MAX_FAILURES`, `HUB_LOGIN_MAX_FAILURES_PER_ADDRESS`, `HUB_LOGIN_WINDOW_SECONDS`.
    public let login: LoginLimits
    /// The gateway's per-address rate limits (`HUB_SUBMIT_*`, `HUB_TRACK_*`).
    public let rateLimits: RateLimits
    /// `HUB_OPEN311_*`.
    public let open311: Open311Configuration
    /// `HUB_SMS_WEBHOOK_SECRET`: the SMS/WhatsApp gateway's shared secret; nil turns the webhook off.
    public let smsWebhookSecret: String?
    /// `HUB_LETTER_KEY`: the key of the letters' verification links (16 characters or more); nil uses
    /// the key migration 022 keeps in the database.
    public let letterKey: String?
    /// `HUB_SMTP_URL`, `HUB_MAIL_FROM`, `HUB_TEXT_GATEWAY_*`, `HUB_CONTACT_RETENTION_DAYS`: telling reporters.
    public let notifications: NotificationConfiguration
    /// `HUB_EXIT_WITH_PARENT=1`: stop when the process that started this one dies (tests set it).
    public let exitWithParent: Bool
    private let ports: [ServiceName: Int]
    private let upstreams: [ModuleName: Upstream]

    /// Reads every variable.
    /// - Throws: `ConfigurationError` with one problem per variable that does not read.
    public init(environment: [String: String]) throws(ConfigurationError) {
        var reader = ConfigurationReader(environment)
        databaseURL = reader.databaseURL("HUB_DATABASE_URL", required: true) ?? ""
        reads = DatabaseReads(&reader)
        databasePoolSize = reader.integer("HUB_DB_POOL_SIZE", default: 10, in: 1...200)
        startupWaitSeconds = reader.integer("HUB_STARTUP_WAIT", default: 30, in: 0...3600)
        listenHost = reader.read("HUB_LISTEN_HOST", default: "127.0.0.1",
                                 expected: "an IPv4 address such as 127.0.0.1 or 0.0.0.0 (or localhost)") { text in
            var address = in_addr()
            return text == "localhost" || inet_pton(AF_INET, text, &address) == 1 ? text : nil
        }
        var ports: [ServiceName: Int] = [:]
        for service in ServiceName.allCases {
            ports[service] = reader.integer(service.portVariable, default: service.defaultPort, in: 0...65535)
        }
        self.ports = ports
        var upstreams: [ModuleName: Upstream] = [:]
        for module in ModuleName.allCases {
            let service = ServiceName(module: module)
            upstreams[module] = reader.read(service.urlVariable, default: Upstream(host: "127.0.0.1", port: ports[service]!),
                                            expected: "an http URL with a host and port such as http://\(service.rawValue):\(service.defaultPort)") {
                try? Upstream(url: $0)
            }
        }
        self.upstreams = upstreams
        listedProxies = reader.read("HUB_TRUSTED_PROXIES", default: .none) { text throws(TrustedProxies.ParseError) in
            try TrustedProxies(parsing: text)
        }
        edge = PublicEdge(&reader, gatewayPort: ports[.gateway]!)
        http = HTTPLimits(&reader)
        photoQuotaBytesPerDay = reader.integer("HUB_PHOTO_QUOTA_BYTES_PER_DAY", default: 100 << 20, in: 0...(1 << 40))
        queueLeaseSeconds = reader.integer("HUB_QUEUE_LEASE_SECONDS", default: 30, in: 1...3600)
        sweepSeconds = reader.integer("HUB_SWEEP_SECONDS", default: 60, in: 1...86_400)
        login = LoginLimits(&reader)
        rateLimits = RateLimits(&reader)
        open311 = Open311Configuration(&reader)
        smsWebhookSecret = reader.text("HUB_SMS_WEBHOOK_SECRET")
        letterKey = reader.read("HUB_LETTER_KEY", expected: "a secret of 16 to 512 characters", secret: true) {
            (16...512).contains($0.count) ? $0 : nil
        }
        notifications = NotificationConfiguration(&reader)
        exitWithParent = reader.flag("HUB_EXIT_WITH_PARENT", default: false)
        try reader.finish()
    }

    /// The port `service` listens on: `HUB_<NAME>_PORT`, else its default (8080-8085).
    public func port(of service: ServiceName) -> Int { ports[service]! }

    /// Where the gateway reaches a module: `HUB_<MODULE>_URL`, else 127.0.0.1 and the module's port.
    public func upstream(for module: ModuleName) -> Upstream { upstreams[module]! }

    /// The proxies whose X-Forwarded-For names the client. The gateway trusts only those listed in
    /// `HUB_TRUSTED_PROXIES` (none by default); a module, never a public listener, trusts them and also
    /// loopback, from where the gateway on the same machine reaches it (a gateway elsewhere is listed:
    /// docker-compose.yml names its network). Not every private network: any host there could then
    /// speak for any client.
    public func trustedProxies(for service: ServiceName) -> TrustedProxies {
        service == .gateway ? listedProxies : listedProxies.adding(.loopback)
    }
}

extension ConfigurationReader {
    /// A libpq connection string (`postgresql://hub@127.0.0.1:5432/hub` or `host=… dbname=…`), checked
    /// by libpq's own parser; its text stays out of messages, since it may hold a password.
    /// - Parameter required: report it when unset.
    public mutating func databaseURL(_ name: String, required: Bool) -> String? {
        let expected = "a libpq connection string such as postgresql://hub@127.0.0.1:5432/hub"
        guard let text = text(name) else {
            if required { report(name, "is not set (\(expected))") }
            return nil
        }
        if let problem = ConnectionString.problem(in: text) {
            report(name, "must be \(expected) (libpq: \(problem))")
            return nil
        }
        return text
    }
}
