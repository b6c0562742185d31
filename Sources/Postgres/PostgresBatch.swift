/// Statements to send to the server together, in one round trip (see `PostgresConnection.pipeline`).
public struct PostgresBatch {
    struct Statement {
        let sql: String
        let parameters: PostgresParameters
    }

    private(set) var statements: [Statement] = []
    /// True when a statement begins or ends a transaction itself: the batch is then not one
    /// implicit transaction, and part of it may have committed before a failure.
    private(set) var controlsTransactions = false

    init() {}

    /// Queues a statement; its rows come back at the same position in the pipeline's answer.
    /// - Parameters:
    ///   - sql: the statement with `$1`, `$2`, … placeholders (prepared once per connection).
    ///   - parameters: the values, in placeholder order.
    public mutating func query(_ sql: String, _ parameters: [any PostgresEncodable] = []) {
        append([Statement(sql: sql, parameters: PostgresParameters(parameters))])
    }

    /// Queues the statements `reads` queues inside a read-only transaction of their own, so that they
    /// see one snapshot; for a batch that runs outside a transaction. Their rows come back after the
    /// BEGIN's (empty) rows, followed by the COMMIT's.
    public mutating func inOneSnapshot(_ reads: (inout PostgresBatch) -> Void) {
        query("begin isolation level repeatable read read only")
        reads(&self)
        query("commit")
    }

    /// Queues statements already made (an open transaction's unsent work, another batch's).
    mutating func append(_ more: [Statement]) {
        for statement in more {
            statements.append(statement)
            let firstWord = statement.sql.drop { $0.isWhitespace }.prefix { $0.isLetter }.lowercased()
            if Self.transactionControl.contains(firstWord) { controlsTransactions = true }
        }
    }

    private static let transactionControl: Set<String> = ["begin", "start", "commit", "end", "rollback", "abort"]

    /// How many statements are queued.
    public var count: Int { statements.count }
}
