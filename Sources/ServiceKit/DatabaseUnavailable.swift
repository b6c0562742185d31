import Complaints
import HTTP
import Postgres

/// The database being away (unreachable, restarting, read-only during a failover, no connection
/// free), or a transaction lost to a concurrent one (a deadlock: nothing of it was kept): 503 with
/// Retry-After, for JSON, pages and Open311 alike. Any other `PostgresError` is a
/// fault of the server (a 500 with the request id), so a `PostgresError` is not an answer itself:
/// `DatabaseUnavailable(standingFor:)` decides, and `answer(for:)` is what every renderer asks.
public struct DatabaseUnavailable: HTTPResponseError {
    /// Seconds a client is told to wait (a restart takes a few).
    public static let retryAfterSeconds = 2

    /// The database error behind the answer, for the log.
    public let cause: PostgresError

    /// The answer a database error stands for, or nil when it is not the database being away.
    public init?(standingFor error: any Error) {
        guard let error = error as? PostgresError, error.isConnectionProblem || error.isTransientConflict else { return nil }
        cause = error
    }

    public var status: Int { 503 }
    public var code: String { "database_unavailable" }

    public var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add("Retry-After", String(Self.retryAfterSeconds))
        // A moment's answer, never to be kept (it passes the response policy as a thrown error).
        headers.add("Cache-Control", "no-store")
        return headers
    }

    public func message(language: String) -> String {
        Language(code: language) == .en ? "the database is unavailable for a moment; retry shortly"
            : "Basis data sedang tidak tersedia sebentar; coba lagi sesaat lagi."
    }

    /// The answer a thrown error stands for: itself when it renders itself, `DatabaseUnavailable`
    /// for the database being away, or nil for a fault of the server (a 500, logged).
    public static func answer(for error: any Error) -> (any HTTPResponseError)? {
        (error as? any HTTPResponseError) ?? DatabaseUnavailable(standingFor: error)
    }

    /// Wraps a router's handler so that the database being away leaves it as this answer, which the
    /// response policy and the server render as every other: `log` hears of it first.
    public static func translating(log: @escaping @Sendable (HTTPRequest, any Error) -> Void)
        -> @Sendable (@escaping HTTPHandler) -> HTTPHandler {
        { handler in
            { request in
                do {
                    return try handler(request)
                } catch {
                    guard let answer = DatabaseUnavailable(standingFor: error) else { throw error }
                    log(request, error)
                    throw answer
                }
            }
        }
    }
}
