import Complaints
import JSON
import Postgres

extension AreaOutline {
    /// An outline from a row of `code`, `kind`, `name` and `shape` (the boundary as GeoJSON, a
    /// Polygon or MultiPolygon); nil when the code, the kind or the shape is not one.
    init?(row: PostgresRow) throws {
        guard let code = RegionCode(try row.decode("code")), let kind = RegionKind(rawValue: try row.decode("kind")),
              let shape = row["shape"], let geometry = try? JSONValue.parse(Array(shape.utf8)),
              case .success(let polygons) = GeoJSONPolygons.read(geometry) else { return nil }
        self.init(code: code, kind: kind, name: try row.decode("name"), polygons: polygons)
    }
}
