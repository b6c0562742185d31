import Complaints
import HubStore
import Postgres

/// The categories with their subcategories, for the form and `GET /api/v1/categories`.
typealias CategoryCache = ReferenceCache<[Category]>

extension ReferenceCache where Value == [Category] {
    convenience init(pool: PostgresPool, watch: ReferenceDataWatch) {
        self.init(pool: pool, watch: watch) { try CategoryStore.all($0) }
    }

    func all() throws -> [Category] { try value() }
}

/// The known kecamatan and desa/kelurahan, whose names the form's area fields suggest (migration 039
/// announces their changes).
typealias RegionCache = ReferenceCache<RegionDirectory>

extension ReferenceCache where Value == RegionDirectory {
    convenience init(pool: PostgresPool, watch: ReferenceDataWatch) {
        self.init(pool: pool, watch: watch) { try RegionStore.directory(on: $0) }
    }
}
