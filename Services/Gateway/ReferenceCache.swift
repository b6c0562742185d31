import Foundation
import HubStore
import Postgres
import Synchronization

/// Reference data changes rarely (a region edits it as data): the gateway keeps a copy until an
/// admin changes reference data (`ReferenceDataWatch`, on any replica), and reads it again at most
/// every 30 seconds besides. It reads the primary even where public reads go to a replica
/// (`ReadPool`): the change is announced from the primary, and a replica that has not replayed it yet
/// would be read into a copy kept for another 30 seconds; and it is read seldom.
final class ReferenceCache<Value: Sendable>: Sendable {
    private let pool: PostgresPool
    private let watch: ReferenceDataWatch
    private let load: @Sendable (PostgresConnection) throws -> Value
    private let cached = Mutex<(at: Date, generation: Int, value: Value)?>(nil)

    init(pool: PostgresPool, watch: ReferenceDataWatch, load: @escaping @Sendable (PostgresConnection) throws -> Value) {
        self.pool = pool
        self.watch = watch
        self.load = load
    }

    /// The cached copy, read again when stale.
    /// - Throws: `PostgresError` when it must be read and the database is away.
    func value() throws -> Value {
        let generation = watch.generation
        if let entry = cached.withLock({ $0 }), entry.generation == generation, Date().timeIntervalSince(entry.at) < 30 {
            return entry.value
        }
        let value = try pool.withConnection { try load($0) }
        cached.withLock { $0 = (Date(), generation, value) }
        return value
    }
}
