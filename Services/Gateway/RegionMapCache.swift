import Complaints
import HubStore
import Postgres
import Web

/// The region as drawn, for the form's map and /peta: nil when no boundaries are loaded.
struct RegionDrawing: Sendable {
    let projection: MapProjection
    /// Each region's outline, simplified to half a unit of the drawing (every visible bend kept).
    let outlines: [AreaOutline]

    /// Reads the region's extent and its outlines simplified for a map that fits it.
    static func load(on connection: PostgresConnection) throws -> RegionDrawing? {
        guard let extent = try PublicReportStore.extent(on: connection) else { return nil }
        let projection = MapProjection(fitting: extent)
        return RegionDrawing(projection: projection,
                             outlines: try PublicReportStore.outlines(tolerance: projection.degreesPerUnit / 2, on: connection))
    }
}

/// The region's outlines change only when boundaries are imported (migration 039 announces it): the
/// gateway keeps them, so neither the form nor the map simplifies them per request.
typealias RegionMapCache = ReferenceCache<RegionDrawing?>

extension ReferenceCache where Value == RegionDrawing? {
    convenience init(pool: PostgresPool, watch: ReferenceDataWatch) {
        self.init(pool: pool, watch: watch) { try RegionDrawing.load(on: $0) }
    }

    func drawing() throws -> RegionDrawing? { try value() }
}
