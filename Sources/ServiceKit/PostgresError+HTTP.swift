import HTTP
import Postgres

extension PostgresError: HTTPErrorConvertible {
    /// Seconds a client is told to wait when the database is away (a restart takes a few).
    public static let retryAfterSeconds = 2

    /// The database being away (unreachable, restarting, read-only during a failover, no connection
    /// free) is 503 with Retry-After, for JSON, pages and Open311 alike; anything else stays a 500.
    public var httpError: HTTPError? {
        guard isConnectionProblem else { return nil }
        var headers = HTTPHeaders()
        headers.add("Retry-After", String(Self.retryAfterSeconds))
        // A moment's answer, never to be kept (this error passes the response policy as a thrown error).
        headers.add("Cache-Control", "no-store")
        return HTTPError(503, "database_unavailable", "the database is unavailable for a moment; retry shortly", headers: headers)
    }
}
