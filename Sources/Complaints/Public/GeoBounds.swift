import Foundation

/// A box of WGS 84 degrees, west to east and south to north (a map's extent, Open311's `bbox`).
public struct GeoBounds: Sendable, Equatable {
    public let west: Double
    public let south: Double
    public let east: Double
    public let north: Double

    /// - Returns: nil unless every value is a finite longitude or latitude and the box is not inverted.
    public init?(west: Double, south: Double, east: Double, north: Double) {
        guard [west, south, east, north].allSatisfy(\.isFinite), (-180...180).contains(west), (-180...180).contains(east),
              (-90...90).contains(south), (-90...90).contains(north), west <= east, south <= north else { return nil }
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// Reads `min_lon,min_lat,max_lon,max_lat` (Open311's and OGC's order).
    /// - Returns: nil unless it is four numbers forming a valid box.
    public init?(parsing text: String) {
        let numbers = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 4, let west = numbers[0], let south = numbers[1], let east = numbers[2], let north = numbers[3] else {
            return nil
        }
        self.init(west: west, south: south, east: east, north: north)
    }

    /// The smallest box holding every point; nil for none.
    public init?(covering points: [GeoPoint]) {
        guard let first = points.first else { return nil }
        var (west, south, east, north) = (first.lon, first.lat, first.lon, first.lat)
        for point in points.dropFirst() {
            west = min(west, point.lon); east = max(east, point.lon)
            south = min(south, point.lat); north = max(north, point.lat)
        }
        self.init(west: west, south: south, east: east, north: north)
    }

    public func contains(_ point: GeoPoint) -> Bool {
        (west...east).contains(point.lon) && (south...north).contains(point.lat)
    }
}

/// A region's outline for drawing: its code, name and level, and its polygons (each a list of
/// rings, the first the outer one) in degrees.
public struct AreaOutline: Sendable, Equatable {
    public let code: RegionCode
    public let kind: RegionKind
    public let name: String
    public let polygons: [[[GeoPoint]]]

    public init(code: RegionCode, kind: RegionKind, name: String, polygons: [[[GeoPoint]]]) {
        self.code = code
        self.kind = kind
        self.name = name
        self.polygons = polygons
    }

    /// Every vertex of every ring.
    public var points: [GeoPoint] { polygons.flatMap { $0.flatMap { $0 } } }
}
