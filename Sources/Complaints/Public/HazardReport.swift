import Foundation

/// What the command centre is told of a new hazard report (`HazardReported`), as a GeoJSON Feature
/// (RFC 7946): where it is, what it is and where it stands, under the case's public id, never its
/// tracking code and never the reporter. The command centre acts on the place, so the point and the
/// area go with every report; a confidential report's own words (description, location text) do not,
/// as they do not appear in public, and it has no public page to link to.
public struct HazardReport: Sendable, Equatable {
    public struct Named: Sendable, Equatable, Encodable {
        public let code: String
        public let nameID: String
        public let nameEN: String

        public init(code: String, nameID: String, nameEN: String) {
            self.code = code
            self.nameID = nameID
            self.nameEN = nameEN
        }

        enum CodingKeys: String, CodingKey {
            case code, nameID = "name_id", nameEN = "name_en"
        }
    }

    /// A kecamatan or desa/kelurahan: its code when the hub placed it, its name as stored.
    public struct Area: Sendable, Equatable, Encodable {
        public let code: String?
        public let name: String?

        public init(code: String?, name: String?) {
            self.code = code
            self.name = name
        }
    }

    public let publicID: Int64
    public let category: Named
    public let subcategory: Named?
    public let status: ComplaintStatus
    public let reportedAt: Date
    public let confidential: Bool
    public let description: String?
    public let location: String?
    public let point: (lat: Double, lon: Double)?
    public let kelurahan: Area
    public let kecamatan: Area
    /// The report's public page, when it has one.
    public let url: String?

    /// - Parameter publicPage: the absolute address of the public page of a report by its public id.
    public init(publicID: Int64, category: Named, subcategory: Named?, status: ComplaintStatus, reportedAt: Date,
                confidential: Bool, description: String, location: String?, point: (lat: Double, lon: Double)?,
                kelurahan: Area, kecamatan: Area, publicPage: (Int64) -> String) {
        self.publicID = publicID
        self.category = category
        self.subcategory = subcategory
        self.status = status
        self.reportedAt = reportedAt
        self.confidential = confidential
        self.description = confidential ? nil : description
        self.location = confidential ? nil : location
        self.point = point
        self.kelurahan = kelurahan
        self.kecamatan = kecamatan
        url = confidential ? nil : publicPage(publicID)
    }

    public static func == (lhs: HazardReport, rhs: HazardReport) -> Bool {
        lhs.publicID == rhs.publicID && lhs.category == rhs.category && lhs.subcategory == rhs.subcategory
            && lhs.status == rhs.status && lhs.reportedAt == rhs.reportedAt && lhs.confidential == rhs.confidential
            && lhs.description == rhs.description && lhs.location == rhs.location && lhs.point?.lat == rhs.point?.lat
            && lhs.point?.lon == rhs.point?.lon && lhs.kelurahan == rhs.kelurahan && lhs.kecamatan == rhs.kecamatan && lhs.url == rhs.url
    }
}
