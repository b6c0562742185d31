import Complaints
import HubStore
import Postgres

/// How every channel stores a submission: checked against the routed categories, then stored, in
/// the caller's one transaction; and the transaction once more when a concurrent twin with the same
/// idempotency key committed first (the second attempt finds it and replays it).
enum CheckedSubmission {
    /// Checks and stores `submission` on `connection`, inside the caller's transaction.
    /// - Throws: `InvalidSubmission` (nothing stored), `ComplaintStore.SubmitError.idempotencyKeyReused`,
    ///   `PostgresError`.
    static func submit(_ submission: ComplaintSubmission, idempotency: ComplaintStore.IdempotencyKey?,
                       open311Details: [String: String] = [:], on connection: PostgresConnection) throws -> ComplaintStore.Receipt {
        let valid = try ValidSubmission(submission, knownCategories: CategoryStore.knownCategories(connection))
        return try ComplaintStore.submit(valid, idempotency: idempotency, open311Details: open311Details, on: connection)
    }

    /// Runs `body` in a transaction, and once more when it lost the race for its idempotency key.
    static func transaction<T>(on pool: PostgresPool, _ body: (PostgresConnection) throws -> T) throws -> T {
        do {
            return try pool.transaction(body)
        } catch let error as PostgresError where error.constraintName == "idempotency_keys_pkey" {
            return try pool.transaction(body)
        }
    }
}
