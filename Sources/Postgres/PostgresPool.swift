import Foundation

/// A bounded pool of connections, safe to use from any thread. Each connection is lent to one
/// caller at a time; broken connections are dropped and replaced, so the pool recovers by itself
/// after the server restarts.
public final class PostgresPool: @unchecked Sendable {
    public let conninfo: String
    public let maximumConnections: Int
    private let applicationName: String
    private let waitLimit: TimeInterval
    private let sessionSetup: String?
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var openCount = 0

    /// - Parameters:
    ///   - conninfo: a libpq connection string or URL.
    ///   - maximumConnections: the most connections open at once.
    ///   - waitLimit: seconds a caller waits for a free connection before `PostgresError.poolTimeout`.
    ///   - sessionSetup: SQL run once on every new connection (a `SET ROLE`, say) before it is lent.
    public init(conninfo: String, maximumConnections: Int = 10, applicationName: String = "hub",
                waitLimit: TimeInterval = 10, sessionSetup: String? = nil) {
        self.conninfo = conninfo
        self.maximumConnections = max(1, maximumConnections)
        self.applicationName = applicationName
        self.waitLimit = waitLimit
        self.sessionSetup = sessionSetup
    }

    /// Lends a connection for the duration of `body`.
    /// - Throws: `PostgresError.connectionFailed`, `.poolTimeout`, or whatever `body` throws.
    public func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try checkOut()
        do {
            let value = try body(connection)
            checkIn(connection)
            return value
        } catch let error as PostgresError where error.isConnectionProblem {
            // Lost, shut down by the server, or on a server that became read-only (a failover):
            // the next caller gets a fresh connection, not this one.
            release(broken: connection)
            throw error
        } catch {
            checkIn(connection)
            throw error
        }
    }

    /// Shorthand for a transaction on a pooled connection.
    public func transaction<T>(isolation: String? = nil, _ body: (PostgresConnection) throws -> T) throws -> T {
        try withConnection { try $0.transaction(isolation: isolation, body) }
    }

    /// Shorthand for one statement on a pooled connection.
    @discardableResult
    public func query(_ sql: String, _ parameters: [any PostgresEncodable] = []) throws -> PostgresRows {
        try withConnection { try $0.query(sql, parameters) }
    }

    /// Closes every idle connection (connections in use close when returned after this).
    public func shutdown() {
        condition.lock()
        let closing = idle
        idle.removeAll()
        openCount -= closing.count
        condition.broadcast()
        condition.unlock()
        _ = closing
    }

    private func checkOut() throws -> PostgresConnection {
        let deadline = Date().addingTimeInterval(waitLimit)
        condition.lock()
        while true {
            if let connection = idle.popLast() {
                condition.unlock()
                if connection.isAliveAfterIdle() { return connection }
                release(broken: connection)
                condition.lock()
                continue
            }
            if openCount < maximumConnections {
                openCount += 1
                condition.unlock()
                do {
                    let connection = try PostgresConnection(conninfo: conninfo, applicationName: applicationName)
                    if let sessionSetup { try connection.execute(sessionSetup) }
                    return connection
                } catch {
                    condition.lock()
                    openCount -= 1
                    condition.signal()
                    condition.unlock()
                    throw error
                }
            }
            if !condition.wait(until: deadline) {
                condition.unlock()
                throw PostgresError.poolTimeout
            }
        }
    }

    private func checkIn(_ connection: PostgresConnection) {
        // A connection returned mid-transaction (a caller bug or a broken link) is not reused.
        if !connection.isAlive || connection.inTransaction {
            release(broken: connection)
            return
        }
        condition.lock()
        idle.append(connection)
        condition.signal()
        condition.unlock()
    }

    private func release(broken connection: PostgresConnection) {
        condition.lock()
        openCount -= 1
        condition.signal()
        condition.unlock()
        _ = connection
    }
}
