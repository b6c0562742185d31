/// A listed report's public page: the report, its public timeline and the photos anyone may see,
/// reachable by its public id without the tracking code.
public struct PublicReportDetail: Sendable {
    public let report: PublicReport
    public let timeline: [PublicEvent]
    /// The public photos' ids (`/api/v1/photos/{id}`), the reporter's first, then the after-photos.
    public let photos: [Photo]

    public struct Photo: Sendable, Equatable {
        public let id: Int64
        public let purpose: PhotoPurpose

        public init(id: Int64, purpose: PhotoPurpose) {
            self.id = id
            self.purpose = purpose
        }
    }

    public init(report: PublicReport, timeline: [PublicEvent], photos: [Photo]) {
        self.report = report
        self.timeline = timeline
        self.photos = photos
    }
}

/// Open reports of one desa/kelurahan and category, for the hotspot map: confidential ones counted too.
public struct Hotspot: Sendable, Equatable {
    public let kelurahan: RegionCode
    public let category: String
    public let count: Int
    /// How many of them are of a hazard subcategory.
    public let hazards: Int

    public init(kelurahan: RegionCode, category: String, count: Int, hazards: Int) {
        self.kelurahan = kelurahan
        self.category = category
        self.count = count
        self.hazards = hazards
    }
}
