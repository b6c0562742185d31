import Complaints
import JSON
import Postgres

extension AreaOutline {
    /// An outline from a row of `code`, `kind`, `name` and `shape` (the boundary as GeoJSON, a
    /// Polygon or MultiPolygon); nil when the code, the kind or the shape is not one.
    init?(row: PostgresRow) throws {
        guard let code = RegionCode(try row.decode("code")), let kind = RegionKind(rawValue: try row.decode("kind")),
              let shape = row["shape"], let geometry = try? JSONValue.parse(Array(shape.utf8)),
              let polygons = Self.polygons(geometry) else { return nil }
        self.init(code: code, kind: kind, name: try row.decode("name"), polygons: polygons)
    }

    /// The polygons of a GeoJSON Polygon or MultiPolygon, as rings of points.
    static func polygons(_ geometry: JSONValue) -> [[[GeoPoint]]]? {
        func number(_ value: JSONValue) -> Double? {
            switch value {
            case .integer(let whole): return Double(whole)
            case .number(let number): return number
            default: return nil
            }
        }
        func ring(_ value: JSONValue) -> [GeoPoint]? {
            guard case .array(let positions) = value else { return nil }
            var points: [GeoPoint] = []
            for position in positions {
                guard case .array(let pair) = position, pair.count >= 2, let lon = number(pair[0]), let lat = number(pair[1]) else { return nil }
                points.append(GeoPoint(lon: lon, lat: lat))
            }
            return points
        }
        func polygon(_ value: JSONValue) -> [[GeoPoint]]? {
            guard case .array(let rings) = value else { return nil }
            let read = rings.compactMap(ring)
            return read.count == rings.count ? read : nil
        }
        guard let type = geometry["type"]?.stringValue, case .array(let coordinates)? = geometry["coordinates"] else { return nil }
        switch type {
        case "Polygon": return polygon(.array(coordinates)).map { [$0] }
        case "MultiPolygon":
            let read = coordinates.compactMap(polygon)
            return read.count == coordinates.count ? read : nil
        default: return nil
        }
    }
}
