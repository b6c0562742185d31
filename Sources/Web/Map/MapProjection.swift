import Complaints
import Foundation

/// Places longitude and latitude on an SVG canvas and back: an equirectangular projection around the
/// middle latitude of the map's extent (east-west distances shrunk by its cosine, so a regency keeps
/// its shape), y growing southward. A regency is small enough that nothing better is needed.
///
/// The same value turns a tap on the drawn map back into a point (`geoPoint(x:y:)`): an
/// `<input type="image">` map sends the tap's x and y with the form, no script needed.
public struct MapProjection: Sendable, Equatable {
    /// The extent drawn, padded.
    public let bounds: GeoBounds
    /// The canvas in SVG units (the `viewBox`), its height following the extent's shape.
    public let width: Double
    public let height: Double
    /// SVG units per degree of latitude; a degree of longitude is `scale * cos(middle latitude)`.
    public let scale: Double
    private let lonFactor: Double

    /// - Parameters:
    ///   - bounds: what must be visible.
    ///   - width: the canvas's width in SVG units.
    ///   - padding: the share of the extent added around it (0.03: 3 % on each side).
    public init(fitting bounds: GeoBounds, width: Double = 600, padding: Double = 0.03) {
        let middle = (bounds.south + bounds.north) / 2
        let factor = max(cos(middle * .pi / 180), 0.01)
        // A lone point or a line still gets an extent to draw around.
        let spanLon = max(bounds.east - bounds.west, 0.001), spanLat = max(bounds.north - bounds.south, 0.001)
        let padLon = spanLon * padding, padLat = spanLat * padding
        let centreLon = (bounds.west + bounds.east) / 2, centreLat = middle
        let west = centreLon - spanLon / 2 - padLon, east = centreLon + spanLon / 2 + padLon
        let south = max(centreLat - spanLat / 2 - padLat, -90), north = min(centreLat + spanLat / 2 + padLat, 90)
        self.bounds = GeoBounds(west: max(west, -180), south: south, east: min(east, 180), north: north) ?? bounds
        self.width = width
        lonFactor = factor
        scale = width / ((self.bounds.east - self.bounds.west) * factor)
        height = ((self.bounds.north - self.bounds.south) * scale).rounded(.up)
    }

    /// Where a point falls on the canvas.
    public func project(_ point: GeoPoint) -> (x: Double, y: Double) {
        ((point.lon - bounds.west) * lonFactor * scale, (bounds.north - point.lat) * scale)
    }

    /// The point under canvas coordinates: the inverse of `project`.
    public func geoPoint(x: Double, y: Double) -> GeoPoint {
        GeoPoint(lon: bounds.west + x / (lonFactor * scale), lat: bounds.north - y / scale)
    }

    /// The degrees one SVG unit spans: a simplification tolerance that loses nothing visible.
    public var degreesPerUnit: Double { 1 / scale }

    /// `x y` of a point with one decimal, as path data and attributes take it.
    func coordinates(_ point: GeoPoint) -> (x: String, y: String) {
        let (x, y) = project(point)
        return (Self.number(x), Self.number(y))
    }

    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10, fraction = abs(Int(tenths)) % 10
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
