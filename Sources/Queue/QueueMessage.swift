import Foundation
import Postgres

/// A message taken from the queue for handling.
public struct QueueMessage: Sendable {
    public let id: Int64
    public let queue: String
    /// The JSON payload as text.
    public let payload: String
    /// Deliveries before this one.
    public let attempts: Int
    public let maxAttempts: Int
    public let createdAt: Date

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        queue = try row.decode("queue")
        payload = try row.decode("payload")
        attempts = try row.decode("attempts")
        maxAttempts = try row.decode("max_attempts")
        createdAt = try row.decode("created_at")
    }

    /// The payload parsed as a JSON object (empty when it is not one).
    public var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(payload.utf8))) as? [String: Any] ?? [:]
    }
}
