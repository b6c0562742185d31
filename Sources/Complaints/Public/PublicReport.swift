import Foundation

/// A report as anyone may see it in the public list, on the map and in the open data: named by its
/// public request id (never its tracking code), without reporter or staff. Only reports that are
/// neither confidential nor with the inspectorate become one; the others are only counted
/// (`PublicReportCounts`).
public struct PublicReport: Sendable, Equatable {
    /// The public request id (Open311's `service_request_id`).
    public let id: Int64
    public let category: String
    public let categoryNameID: String
    public let categoryNameEN: String
    public let subcategory: String?
    public let subcategoryNameID: String?
    public let subcategoryNameEN: String?
    /// The subcategory puts people in danger until dealt with (flooding, fallen trees, street lights).
    public let hazard: Bool
    public let status: ComplaintStatus
    public let kecamatan: NamedRegion?
    public let kelurahan: NamedRegion?
    public let createdAt: Date
    public let updatedAt: Date
    public let resolvedAt: Date?
    public let description: String?
    public let location: String?
    public let point: GeoPoint?

    public init(id: Int64, category: String, categoryNameID: String, categoryNameEN: String, subcategory: String?,
                subcategoryNameID: String?, subcategoryNameEN: String?, hazard: Bool, status: ComplaintStatus,
                kecamatan: NamedRegion?, kelurahan: NamedRegion?, createdAt: Date, updatedAt: Date, resolvedAt: Date?,
                description: String?, location: String?, point: GeoPoint?) {
        self.id = id
        self.category = category
        self.categoryNameID = categoryNameID
        self.categoryNameEN = categoryNameEN
        self.subcategory = subcategory
        self.subcategoryNameID = subcategoryNameID
        self.subcategoryNameEN = subcategoryNameEN
        self.hazard = hazard
        self.status = status
        self.kecamatan = kecamatan
        self.kelurahan = kelurahan
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.resolvedAt = resolvedAt
        self.description = description
        self.location = location
        self.point = point
    }

    /// The category's name in the reader's language, with the subcategory's where there is one.
    public func categoryName(_ language: Language) -> String {
        let category = language == .en ? categoryNameEN : categoryNameID
        guard let sub = language == .en ? subcategoryNameEN : subcategoryNameID else { return category }
        return "\(category) · \(sub)"
    }

    /// The desa/kelurahan and kecamatan by name, most precise first ("Mekarsari, Sukamaju").
    public var areaName: String? {
        let names = [kelurahan?.name, kecamatan?.name].compactMap { $0 }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }
}

/// A place in WGS 84 degrees.
public struct GeoPoint: Sendable, Equatable {
    public let lon: Double
    public let lat: Double

    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }
}
