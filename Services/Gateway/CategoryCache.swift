import Complaints
import Foundation
import HubStore
import Postgres
import Synchronization

/// The categories change rarely (a region edits them as data); the gateway reads them at most
/// once every 30 seconds.
final class CategoryCache: Sendable {
    private let pool: PostgresPool
    private let cached = Mutex<(at: Date, categories: [Category])?>(nil)

    init(pool: PostgresPool) { self.pool = pool }

    func all() throws -> [Category] {
        if let entry = cached.withLock({ $0 }), Date().timeIntervalSince(entry.at) < 30 { return entry.categories }
        let categories = try pool.withConnection { try CategoryStore.all($0) }
        cached.withLock { $0 = (Date(), categories) }
        return categories
    }
}
