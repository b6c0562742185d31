import Complaints
import Foundation
import HubStore
import Postgres
import Synchronization

/// The categories change rarely (a region edits them as data): the gateway keeps them until an
/// admin changes reference data (`ReferenceDataWatch`, on any replica), and reads them again at
/// most every 30 seconds besides.
final class CategoryCache: Sendable {
    private let pool: PostgresPool
    private let watch: ReferenceDataWatch
    private let cached = Mutex<(at: Date, generation: Int, categories: [Category])?>(nil)

    init(pool: PostgresPool, watch: ReferenceDataWatch) {
        self.pool = pool
        self.watch = watch
    }

    func all() throws -> [Category] {
        let generation = watch.generation
        if let entry = cached.withLock({ $0 }), entry.generation == generation, Date().timeIntervalSince(entry.at) < 30 {
            return entry.categories
        }
        let categories = try pool.withConnection { try CategoryStore.all($0) }
        cached.withLock { $0 = (Date(), generation, categories) }
        return categories
    }
}
