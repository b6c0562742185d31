import Foundation

/// The open public reports near a point, which the form lists once the citizen has placed theirs,
/// so that they can follow a report of the same problem instead of filing it again.
public struct NearbyQuery: Sendable, Equatable {
    /// How far "near" reaches: about a street's block. Wider than the duplicate rule's 50 m, since a
    /// citizen places the point by eye on a small map.
    public static let radiusMetres = 200
    /// The nearest this many are listed: enough to recognise one's problem, short enough for a phone.
    public static let limit = 5

    public let point: GeoPoint
    /// Only this category's reports; nil for every category.
    public let category: String?

    public init(point: GeoPoint, category: String? = nil) {
        self.point = point
        self.category = category
    }

    /// Reads `lat`, `lon` (both required, in degrees) and `category` (optional; empty counts as absent).
    /// - Parameter categories: the known category codes.
    /// - Throws: `Refusal` 400 for a missing or malformed point or an unknown category.
    public static func parse(_ items: [(name: String, value: String)], categories: Set<String>) throws -> NearbyQuery {
        func value(_ name: String) -> String? {
            guard let text = items.first(where: { $0.name == name })?.value.trimmingCharacters(in: .whitespaces),
                  !text.isEmpty else { return nil }
            return text
        }
        guard let lat = value("lat").flatMap(Double.init), let lon = value("lon").flatMap(Double.init),
              lat.isFinite, lon.isFinite, (-90...90).contains(lat), (-180...180).contains(lon) else {
            throw Refusal.invalidPoint
        }
        let category = value("category")
        if let category, !categories.contains(category) { throw Refusal.unknownCategory(category) }
        return NearbyQuery(point: GeoPoint(lon: lon, lat: lat), category: category)
    }
}

extension Refusal {
    public static let invalidPoint = Refusal(status: 400, code: "invalid_point",
                                             id: "Titik harus berupa lintang (lat, -90 sampai 90) dan bujur (lon, -180 sampai 180).",
                                             en: "A point needs a latitude (lat, -90 to 90) and a longitude (lon, -180 to 180).")
}
