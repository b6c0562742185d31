import Complaints
import HubStore
import Postgres

/// How every channel stores a submission: what storing it needs read in one round trip, checked
/// against its routed category, then stored with the transaction's COMMIT in a second; and the
/// transaction once more when a concurrent twin with the same idempotency key committed first (the
/// second attempt finds it and replays it).
enum CheckedSubmission {
    /// Checks and stores `submission` on `connection`, inside the caller's transaction.
    /// - Throws: `InvalidSubmission` (nothing stored), `ComplaintStore.SubmitError.idempotencyKeyReused`,
    ///   `PostgresError`.
    static func submit(_ submission: ComplaintSubmission, idempotency: ComplaintStore.IdempotencyKey?,
                       open311Details: [String: String] = [:], on connection: PostgresConnection) throws -> ComplaintStore.Receipt {
        let lookup = try ComplaintStore.lookup(submission, idempotency: idempotency, on: connection)
        let valid = try ValidSubmission(submission, knownCategories: lookup.knownCategories)
        return try ComplaintStore.submit(valid, lookup: lookup, idempotency: idempotency, open311Details: open311Details,
                                         on: connection)
    }

    /// Runs `body` in a transaction on the primary and `read` in its COMMIT's round trip
    /// (`ReadPool.transaction(_:thenReading:)`, which also reads the position the commit reached when
    /// public reads may go to a replica), again when it lost the race for its idempotency key (or,
    /// practically never, its tracking code).
    static func transaction<T>(on reads: ReadPool, _ body: (PostgresConnection) throws -> T,
                               thenReading read: (T, inout PostgresBatch) -> Void = { _, _ in })
        throws -> (value: T, rows: [PostgresRows], written: WALPosition?) {
        var attempts = 1
        while true {
            do {
                return try reads.transaction(body, thenReading: read)
            } catch let error as PostgresError where ComplaintStore.mayRetry(after: error) && attempts < 3 {
                attempts += 1
            }
        }
    }
}
