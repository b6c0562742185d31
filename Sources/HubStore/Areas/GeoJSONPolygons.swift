import Complaints
import JSON

/// The polygons of a GeoJSON Polygon or MultiPolygon (RFC 7946), each a list of rings of
/// `[longitude, latitude]` points: one reader for what `hubctl areas import` checks and what the map
/// draws from the stored boundaries.
public enum GeoJSONPolygons {
    /// Why a geometry is not one, in words an operator can act on.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// - Returns: the polygons, or what is wrong with the geometry's shape (PostGIS judges its validity).
    public static func read(_ geometry: JSONValue) -> Result<[[[GeoPoint]]], Problem> {
        guard case .object = geometry else { return .failure(Problem(description: "geometry is missing")) }
        guard case .array(let coordinates)? = geometry["coordinates"] else {
            return .failure(Problem(description: "geometry has no coordinates"))
        }
        do {
            switch geometry["type"]?.stringValue {
            case "Polygon":
                return .success([try polygon(coordinates)])
            case "MultiPolygon":
                guard !coordinates.isEmpty else { throw Problem(description: "a MultiPolygon needs at least one polygon") }
                return .success(try coordinates.map { polygon in
                    guard case .array(let rings) = polygon else { throw Problem(description: "a MultiPolygon's coordinates are polygons") }
                    return try self.polygon(rings)
                })
            default:
                throw Problem(description: "geometry must be a Polygon or MultiPolygon")
            }
        } catch let problem as Problem {
            return .failure(problem)
        } catch {
            preconditionFailure("only problems are thrown here")
        }
    }

    private static func polygon(_ rings: [JSONValue]) throws -> [[GeoPoint]] {
        guard !rings.isEmpty else { throw Problem(description: "a polygon needs at least one ring") }
        return try rings.map { ring in
            guard case .array(let positions) = ring else { throw Problem(description: "a ring is a list of positions") }
            return try positions.map { position in
                guard case .array(let numbers) = position, numbers.count >= 2, let lon = number(numbers[0]), let lat = number(numbers[1]) else {
                    throw Problem(description: "a position must be [longitude, latitude] in degrees")
                }
                return GeoPoint(lon: lon, lat: lat)
            }
        }
    }

    private static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let whole): return Double(whole)
        case .number(let number): return number
        default: return nil
        }
    }
}
