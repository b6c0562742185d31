/// Everything that can go wrong talking to PostgreSQL, typed so callers can act on it.
public enum PostgresError: Error, CustomStringConvertible, Sendable {
    /// The server could not be reached or refused the connection.
    case connectionFailed(String)
    /// The connection broke while in use (server restart, network cut); the work did not complete.
    case connectionLost(String)
    /// The server refused a statement; the SQLSTATE says why.
    case server(ServerError)
    /// A column held a value that does not convert to the requested Swift type.
    case decoding(column: String, expected: String, value: String?)
    /// A row has no column with this name.
    case missingColumn(String)
    /// No pooled connection became free within the wait limit.
    case poolTimeout
    /// A statement of a pipeline failed (its position in the batch, from 0); the statements after
    /// it did not run. `kind`, `constraintName` and `isConnectionProblem` are the failure's own.
    indirect case inPipeline(statement: Int, PostgresError)

    public var description: String {
        switch self {
        case .connectionFailed(let message): return "cannot connect to PostgreSQL: \(message)"
        case .connectionLost(let message): return "connection to PostgreSQL lost: \(message)"
        case .server(let error): return "PostgreSQL \(error.sqlstate): \(error.message)"
        case .decoding(let column, let expected, let value):
            return "column \(column): cannot decode \(value ?? "NULL") as \(expected)"
        case .missingColumn(let name): return "no column named \(name)"
        case .poolTimeout: return "no database connection free in time"
        case .inPipeline(let statement, let error): return "statement \(statement + 1) of the pipeline: \(error)"
        }
    }

    /// The server-side kind of failure, or nil when the failure was not the server's answer.
    public var kind: ServerError.Kind? {
        switch self {
        case .server(let error): return error.kind
        case .inPipeline(_, let error): return error.kind
        default: return nil
        }
    }

    /// The constraint a server error names (unique index, check, foreign key), if any.
    public var constraintName: String? {
        switch self {
        case .server(let error): return error.constraint
        case .inPipeline(_, let error): return error.constraintName
        default: return nil
        }
    }

    /// True when the database is away rather than the statement wrong (unreachable, restarting,
    /// shutting down, not accepting connections yet, read-only during a failover, no connection
    /// free): retrying on a fresh connection may succeed, and a request that needed the database is
    /// answered 503, never 500. The pool drops a connection that failed so.
    public var isConnectionProblem: Bool {
        switch self {
        case .connectionFailed, .connectionLost, .poolTimeout: return true
        case .server(let error):
            return error.kind == .connectionException || error.kind == .adminShutdown || error.kind == .readOnlyTransaction
        case .inPipeline(_, let error): return error.isConnectionProblem
        default: return false
        }
    }

    /// A transaction lost to another at the same moment (a deadlock, a serialization failure):
    /// nothing of it was kept, and the same request a moment later succeeds.
    public var isTransientConflict: Bool {
        switch self {
        case .server(let error): return error.kind == .deadlockDetected || error.kind == .serializationFailure
        case .inPipeline(_, let error): return error.isTransientConflict
        default: return false
        }
    }
}

/// A statement the server rejected, with the fields libpq reports.
public struct ServerError: Sendable, Equatable {
    /// The SQLSTATE class of failure the callers of this library act on.
    public enum Kind: Sendable, Equatable {
        case uniqueViolation, foreignKeyViolation, checkViolation, notNullViolation
        case serializationFailure, deadlockDetected, lockNotAvailable, queryCanceled
        case undefinedTable, undefinedColumn, insufficientPrivilege, invalidTextRepresentation
        case connectionException, adminShutdown, readOnlyTransaction, raisedException, other
    }

    public let sqlstate: String
    public let message: String
    public let detail: String?
    public let constraint: String?

    public init(sqlstate: String, message: String, detail: String? = nil, constraint: String? = nil) {
        self.sqlstate = sqlstate
        self.message = message
        self.detail = detail
        self.constraint = constraint
    }

    public var kind: Kind {
        switch sqlstate {
        case "23505": return .uniqueViolation
        case "23503": return .foreignKeyViolation
        case "23514": return .checkViolation
        case "23502": return .notNullViolation
        case "40001": return .serializationFailure
        case "40P01": return .deadlockDetected
        case "55P03": return .lockNotAvailable
        case "57014": return .queryCanceled
        case "42P01": return .undefinedTable
        case "42703": return .undefinedColumn
        case "42501": return .insufficientPrivilege
        case "22P02": return .invalidTextRepresentation
        case "57P01", "57P02", "57P03": return .adminShutdown
        case "25006": return .readOnlyTransaction
        case "P0001": return .raisedException
        default: return sqlstate.hasPrefix("08") ? .connectionException : .other
        }
    }
}
