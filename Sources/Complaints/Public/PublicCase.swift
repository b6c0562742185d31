import Foundation

/// What anyone holding a tracking code may see: nothing about the reporter, staff only as roles.
public struct PublicCase: Sendable {
    public let trackingCode: String
    public let category: String
    public let categoryNameID: String
    public let categoryNameEN: String
    public let status: ComplaintStatus
    public let confidential: Bool
    public let description: String?
    public let location: String?
    public let kelurahan: String?
    public let kecamatan: String?
    public let dueAt: Date?
    public let createdAt: Date
    public let updatedAt: Date
    public let timeline: [PublicEvent]
    /// The status of the open case this report joined as a duplicate (never that case's code).
    public let joinedStatus: ComplaintStatus?
    /// Photos anyone may see (none for confidential complaints).
    public let photos: [PublicPhoto]
    /// Each agency's part of a request that fans out, in the request type's order; empty for other cases.
    public var parts: [PublicPart] = []

    public init(trackingCode: String, category: String, categoryNameID: String, categoryNameEN: String,
                status: ComplaintStatus, confidential: Bool, description: String?, location: String?, kelurahan: String?,
                kecamatan: String?, dueAt: Date?, createdAt: Date, updatedAt: Date, timeline: [PublicEvent],
                joinedStatus: ComplaintStatus?, photos: [PublicPhoto]) {
        self.trackingCode = trackingCode
        self.category = category
        self.categoryNameID = categoryNameID
        self.categoryNameEN = categoryNameEN
        self.status = status
        self.confidential = confidential
        self.description = description
        self.location = location
        self.kelurahan = kelurahan
        self.kecamatan = kecamatan
        self.dueAt = dueAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.timeline = timeline
        self.joinedStatus = joinedStatus
        self.photos = photos
    }
}
