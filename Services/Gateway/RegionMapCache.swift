import Complaints
import HubStore
import JSON
import Postgres
import Web

/// The region as drawn, for the form's map and /peta: nil when no boundaries are loaded.
struct RegionDrawing: Sendable {
    let projection: MapProjection
    /// Each region's outline, simplified to half a unit of the drawing (every visible bend kept).
    let outlines: [AreaOutline]
    /// Each outline as GeoJSON's MultiPolygon, written once for the statistics' open data.
    let geometries: [RegionCode: [UInt8]]

    init(projection: MapProjection, outlines: [AreaOutline]) {
        self.projection = projection
        self.outlines = outlines
        geometries = Dictionary(outlines.map { ($0.code, Self.geometry($0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// An outline as a GeoJSON MultiPolygon, `[lon, lat]` as RFC 7946 orders them.
    static func geometry(_ outline: AreaOutline) -> [UInt8] {
        var json = JSONWriter()
        json.openObject()
        json.member("type", "MultiPolygon")
        json.key("coordinates")
        json.openArray()
        for polygon in outline.polygons {
            json.openArray()
            for ring in polygon {
                json.openArray()
                for point in ring {
                    json.openArray()
                    json.number(point.lon)
                    json.number(point.lat)
                    json.closeArray()
                }
                json.closeArray()
            }
            json.closeArray()
        }
        json.closeArray()
        json.closeObject()
        return json.bytes
    }

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
