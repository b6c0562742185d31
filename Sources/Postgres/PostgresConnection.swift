import CLibPQ
import Foundation

/// One libpq connection. It is used by one thread at a time: the pool hands it out exclusively,
/// which is why it may cross threads (`@unchecked Sendable`) but must never be shared concurrently.
public final class PostgresConnection: @unchecked Sendable {
    let handle: OpaquePointer
    /// The open transaction's work not sent yet, nil outside `transaction` (see OpenTransaction).
    var open: OpenTransaction?
    /// How many times this connection has waited for the server's answer: each statement run alone,
    /// each preparation, each pipeline. Tests count a use case's round trips with it.
    public internal(set) var roundTrips = 0
    /// The statements this session has prepared, by text (see PostgresConnection+Prepared).
    var statements: PreparedStatementCache

    /// Distinct statement texts a connection keeps prepared unless told otherwise. The hub's own
    /// statements are fixed texts, far fewer than this.
    public static let defaultStatementCacheCapacity = 256

    /// Opens a connection and sets the session to UTC and ISO dates, which the decoders rely on.
    /// - Parameters:
    ///   - conninfo: a libpq connection string or URL (`HUB_DATABASE_URL`).
    ///   - applicationName: shown in `pg_stat_activity`.
    ///   - connectTimeout: seconds, unless the connection string sets its own.
    ///   - statementCacheCapacity: distinct statement texts kept prepared, least recently used out
    ///     first; 0 parses every statement afresh (a pooler that cannot keep prepared statements).
    /// - Throws: `PostgresError.connectionFailed`.
    public init(conninfo: String, applicationName: String = "hub", connectTimeout: Int = 5,
                statementCacheCapacity: Int = PostgresConnection.defaultStatementCacheCapacity) throws {
        statements = PreparedStatementCache(capacity: statementCacheCapacity,
                                            prefix: "hub_" + String(UInt32.random(in: 0...UInt32.max), radix: 36) + "_")
        // Earlier keywords are defaults; the expanded connection string (dbname) overrides them.
        let keywords = ["connect_timeout", "application_name", "dbname"]
        let values = [String(connectTimeout), applicationName, conninfo]
        let connection = withCStringArray(keywords) { keywordPointers in
            withCStringArray(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let connection else { throw PostgresError.connectionFailed("out of memory") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
            PQfinish(connection)
            throw PostgresError.connectionFailed(message)
        }
        handle = connection
        // Server notices (e.g. "relation already exists, skipping") are not errors; keep them off stderr.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        try execute("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601'")
    }

    deinit { PQfinish(handle) }

    /// False once the connection has broken; the pool discards such connections.
    public var isAlive: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Like `isAlive`, but first reads whatever the server sent while the connection sat idle: a
    /// server that shut down or restarted has said so (57P01) and closed the socket, which only
    /// shows once read. Never blocks.
    public func isAliveAfterIdle() -> Bool {
        // The goodbye (an error message) and the end of the stream may need a read each.
        for _ in 0..<3 where isAlive {
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0 else { break }
            if PQconsumeInput(handle) == 0 { break }
        }
        return isAlive
    }

    /// True while a transaction is open (or failed and awaiting ROLLBACK), whether or not its BEGIN
    /// has reached the server yet.
    public var inTransaction: Bool { open != nil || inServerTransaction }

    /// True while the server holds a transaction block open for this session.
    var inServerTransaction: Bool {
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    /// The socket libpq talks on, for waiting on notifications with poll(2).
    public var socket: Int32 { PQsocket(handle) }

    /// The server's process id for this session (useful to cancel or terminate it in tests).
    public var backendPID: Int32 { PQbackendPID(handle) }

    /// Runs one parameterised statement. Input only ever travels as parameters. Each distinct text
    /// is prepared once per connection and run by name afterwards (see PostgresConnection+Prepared).
    /// - Parameters:
    ///   - sql: the statement with `$1`, `$2`, … placeholders.
    ///   - parameters: the values, in placeholder order.
    /// - Throws: `PostgresError.server` with the SQLSTATE, or `.connectionLost`.
    @discardableResult
    public func query(_ sql: String, _ parameters: [any PostgresEncodable] = []) throws -> PostgresRows {
        if open?.hasUnsent == true {
            var batch = PostgresBatch()
            batch.query(sql, parameters)
            do {
                return try pipeline(batch)[0]
            } catch PostgresError.inPipeline(_, let error) {
                throw error  // the statement's own failure, as when it runs alone
            }
        }
        return try runPrepared(sql, PostgresParameters(parameters))
    }

    /// Runs one or more statements without parameters (migrations, SET, LISTEN).
    /// - Throws: `PostgresError.server` or `.connectionLost`.
    public func execute(_ sql: String) throws {
        let unsent = takeUnsent()
        if !unsent.isEmpty {
            var batch = PostgresBatch()
            batch.append(unsent)
            _ = try pipeline(batch)
        }
        roundTrips += 1
        var result = PQexec(handle, sql)
        // PQexec returns only the last result; errors stop the batch and are reported there.
        _ = try consume(result)
        result = nil
    }

    /// Turns a libpq result into rows or a typed error; takes ownership of the result.
    func consume(_ result: OpaquePointer?) throws -> PostgresRows {
        guard let result else { throw connectionError() }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK:
            let rows = PostgresResult(taking: result)
            return PostgresRows(result: rows, affectedRows: rows.rowCount)
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            defer { PQclear(result) }
            return PostgresRows(result: nil, affectedRows: Self.affected(result))
        default:
            defer { PQclear(result) }
            throw failure(of: result)
        }
    }

    /// The typed error a failed result reports (a lost connection whatever the server said last).
    func failure(of result: OpaquePointer) -> PostgresError {
        if PQstatus(handle) != CONNECTION_OK { return connectionError() }
        func field(_ code: Character) -> String? {
            guard let value = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: value)
        }
        let sqlstate = field("C") ?? "XX000"
        let message = field("M") ?? String(cString: PQresultErrorMessage(result))
        let error = ServerError(sqlstate: sqlstate, message: message, detail: field("D"), constraint: field("n"))
        if error.kind == .adminShutdown || error.kind == .connectionException {
            return .connectionLost(message)
        }
        return .server(error)
    }

    private static func affected(_ result: OpaquePointer) -> Int {
        Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    func connectionError() -> PostgresError {
        let message = String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
        return .connectionLost(message.isEmpty ? "no result from server" : message)
    }
}

/// Calls `body` with a NULL-terminated array of C strings that live for the duration of the call.
private func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let duplicates = strings.map { strdup($0) }
    defer { duplicates.forEach { free($0) } }
    let pointers: [UnsafePointer<CChar>?] = duplicates.map { UnsafePointer($0) } + [nil]
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
