/// What an open `transaction` has not sent yet: its BEGIN until the first statement that needs an
/// answer, the writes whose answers nobody reads (`PostgresConnection.write`), and the statements to
/// run once it has committed. They travel together with the next statement that does need an answer,
/// or with the COMMIT, in one round trip.
struct OpenTransaction {
    /// BEGIN (with its isolation level) until it has been sent.
    var begin: PostgresBatch.Statement?
    var writes: [PostgresBatch.Statement] = []
    /// Sent after the COMMIT in the same round trip, once per key (wake-up hints such as NOTIFY).
    var afterCommit: [(key: String, statement: PostgresBatch.Statement)] = []

    init(isolation: String?) {
        begin = PostgresBatch.Statement(sql: isolation.map { "BEGIN ISOLATION LEVEL \($0)" } ?? "BEGIN",
                                        parameters: PostgresParameters([]))
    }

    /// True when something waits to be sent before the next statement.
    var hasUnsent: Bool { begin != nil || !writes.isEmpty }

    /// The BEGIN if unsent, then the writes; both count as sent afterwards.
    mutating func takeUnsent() -> [PostgresBatch.Statement] {
        defer { begin = nil; writes.removeAll() }
        return (begin.map { [$0] } ?? []) + writes
    }
}
