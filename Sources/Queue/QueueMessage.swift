import Foundation
import JSON
import Postgres

/// A message taken from the queue for handling.
public struct QueueMessage: Sendable {
    public let id: Int64
    public let queue: String
    /// The JSON payload as text.
    public let payload: String
    /// Deliveries so far, this one included.
    public let attempts: Int
    public let maxAttempts: Int
    public let createdAt: Date
    /// Identifies this delivery's lease; a later delivery of the same message has another.
    public let leaseID: String

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        queue = try row.decode("queue")
        payload = try row.decode("payload")
        attempts = try row.decode("attempts")
        maxAttempts = try row.decode("max_attempts")
        createdAt = try row.decode("created_at")
        leaseID = try row.decode("lease_id")
    }

    /// The payload read as the type its owner gave it.
    /// - Throws: `UnprocessableMessage` when the payload does not fit `type` (no retry will change that).
    public func decode<T: Decodable>(as type: T.Type) throws -> T {
        do {
            return try JSONValueDecoder().decode(type, from: payload)
        } catch {
            throw UnprocessableMessage("message \(id) is not a \(T.self): \(error)")
        }
    }
}
