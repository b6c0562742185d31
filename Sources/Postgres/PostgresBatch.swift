/// Statements to send to the server together, in one round trip (see `PostgresConnection.pipeline`).
public struct PostgresBatch {
    struct Statement {
        let sql: String
        let parameters: PostgresParameters
    }

    private(set) var statements: [Statement] = []

    init() {}

    /// Queues a statement; its rows come back at the same position in the pipeline's answer.
    /// - Parameters:
    ///   - sql: the statement with `$1`, `$2`, … placeholders (prepared once per connection).
    ///   - parameters: the values, in placeholder order.
    public mutating func query(_ sql: String, _ parameters: [any PostgresEncodable] = []) {
        statements.append(Statement(sql: sql, parameters: PostgresParameters(parameters)))
    }

    /// How many statements are queued.
    public var count: Int { statements.count }
}
