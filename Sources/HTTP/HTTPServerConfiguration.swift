/// How a server listens and what it tolerates. Every limit is configurable; the defaults are the
/// hub's policy for a public government endpoint.
public struct HTTPServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Event-loop threads (sockets, parsing); defaults to one per core.
    public var loopThreads: Int
    /// Threads running handlers, which may block on the database or an upstream.
    public var workerThreads: Int
    /// Open connections beyond this are answered 503 with Retry-After and closed.
    public var maxConnections: Int
    /// Open connections from one client address beyond this are answered 429 with Retry-After and
    /// closed, so one address cannot hold every slot.
    public var maxConnectionsPerClient: Int
    /// Whether a socket peer is a trusted proxy speaking for many clients: such peers are exempt from
    /// `maxConnectionsPerClient`. Nil trusts no peer.
    public var isTrustedPeer: (@Sendable (String) -> Bool)?
    /// Bytes of request bodies the whole server holds at once (read, or announced and being read);
    /// a new body beyond it is answered 503 with Retry-After before it is read.
    public var maxBufferedBodyBytes: Int
    public var limits: ParserLimits
    /// Seconds for a request's head to arrive once its first byte has (slow-loris guard).
    public var headerTimeout: Double
    /// Seconds a request body may go without a byte arriving.
    public var bodyIdleTimeout: Double
    /// Seconds for a whole request, head and body, to arrive once its first byte has (408 beyond).
    public var requestTimeout: Double
    /// Bytes per second a request must average once `uploadRateGrace` seconds have passed since its
    /// first byte (408 below it): a body dribbled a byte at a time cannot hold a connection.
    public var minimumUploadRate: Double
    /// Seconds a request may arrive at any rate before `minimumUploadRate` applies.
    public var uploadRateGrace: Double
    /// Seconds an idle keep-alive connection is kept.
    public var idleTimeout: Double
    /// Seconds a response write may make no progress.
    public var writeTimeout: Double
    /// Seconds in-flight requests get to finish after SIGTERM.
    public var gracePeriod: Double
    /// Proxies whose X-Forwarded-For names the client (`HTTPRequest.clientAddress`); nobody by default.
    public var trustedProxies: TrustedProxies
    /// Authorities (`host` or `host:port`) besides the listening address and `localhost` that an
    /// absolute-form request target may name, such as the public host behind a TLS proxy; see
    /// `ServedAuthorities` for the rule.
    public var authorities: [String]

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
        let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        self.loopThreads = max(1, min(Int(cores), 8))
        self.workerThreads = 32
        self.maxConnections = 4096
        self.maxConnectionsPerClient = 256
        self.isTrustedPeer = nil
        self.maxBufferedBodyBytes = 64 * 1024 * 1024
        self.limits = ParserLimits()
        self.headerTimeout = 10
        self.bodyIdleTimeout = 10
        self.requestTimeout = 300
        self.minimumUploadRate = 1024
        self.uploadRateGrace = 10
        self.idleTimeout = 60
        self.writeTimeout = 30
        self.gracePeriod = 10
        self.trustedProxies = .none
        self.authorities = []
    }

    /// The parser's limits once the server listens on `boundPort`, with every authority it answers
    /// for: the configured ones, the listening address (the loopback address when that is the
    /// wildcard, which no client names) and `localhost`, both with the bound port.
    func limits(boundPort: Int) -> ParserLimits {
        var limits = self.limits
        for authority in authorities { limits.servedAuthorities.insert(authority) }
        let address = host == "0.0.0.0" ? "127.0.0.1" : host
        limits.servedAuthorities.insert("\(address):\(boundPort)")
        limits.servedAuthorities.insert("localhost:\(boundPort)")
        return limits
    }
}

import Glibc
