import Complaints
import Foundation
import HubStore
import Postgres
import Synchronization
import Web

/// The region's outlines, simplified for drawing, change only when boundaries are imported: the
/// gateway keeps them until reference data changes (`ReferenceDataWatch`) and reads them again at
/// most every 30 seconds besides, so the form's map costs no query.
final class RegionMapCache: Sendable {
    /// The region as drawn: nil when no boundaries are loaded.
    struct Drawing: Sendable {
        let projection: MapProjection
        let outlines: [AreaOutline]
    }

    private let pool: PostgresPool
    private let watch: ReferenceDataWatch
    private let cached = Mutex<(at: Date, generation: Int, drawing: Drawing?)?>(nil)

    init(pool: PostgresPool, watch: ReferenceDataWatch) {
        self.pool = pool
        self.watch = watch
    }

    func drawing() throws -> Drawing? {
        let generation = watch.generation
        if let entry = cached.withLock({ $0 }), entry.generation == generation, Date().timeIntervalSince(entry.at) < 30 {
            return entry.drawing
        }
        let drawing = try pool.withConnection { connection -> Drawing? in
            guard let extent = try PublicReportStore.extent(on: connection) else { return nil }
            let projection = MapProjection(fitting: extent)
            // Half a unit of the drawing: the simplified outlines keep every visible bend.
            return Drawing(projection: projection,
                           outlines: try PublicReportStore.outlines(tolerance: projection.degreesPerUnit / 2, on: connection))
        }
        cached.withLock { $0 = (Date(), generation, drawing) }
        return drawing
    }
}
