import Foundation

/// A case as staff and the lifecycle see it: where it stands, who owns it and what it is about. It
/// holds nothing about the reporter (that is read separately, by role).
public struct Case: Sendable, Equatable {
    public let id: Int64
    public let trackingCode: String
    public let category: String
    public let subcategory: String?
    public let module: ModuleName
    public let agency: String
    public let channel: String
    public let status: ComplaintStatus
    public let priority: Priority
    public let description: String
    public let location: String?
    public let kelurahan: String?
    public let kecamatan: String?
    public let lat: Double?
    public let lon: Double?
    public let anonymous: Bool
    public let confidential: Bool
    public let inspectorate: Bool
    public let escalationLevel: Int
    /// 0 on time; 1 escalated to the supervisor for being overdue; 2 to the inspectors.
    public let overdueStep: Int
    public let assignedTo: Int64?
    /// The sub-unit of the agency the case was disposed to, if any.
    public let subUnit: String?
    public let dueAt: Date?
    public let createdAt: Date
    public let updatedAt: Date
    /// The owning module's own fields (see `ModuleProfile`).
    public let moduleFields: [String: String]

    public init(id: Int64, trackingCode: String, category: String, subcategory: String?, module: ModuleName, agency: String,
                channel: String, status: ComplaintStatus, priority: Priority, description: String, location: String?,
                kelurahan: String?, kecamatan: String?, lat: Double?, lon: Double?, anonymous: Bool, confidential: Bool,
                inspectorate: Bool, escalationLevel: Int, overdueStep: Int, assignedTo: Int64?, subUnit: String?,
                dueAt: Date?, createdAt: Date, updatedAt: Date, moduleFields: [String: String]) {
        self.id = id
        self.trackingCode = trackingCode
        self.category = category
        self.subcategory = subcategory
        self.module = module
        self.agency = agency
        self.channel = channel
        self.status = status
        self.priority = priority
        self.description = description
        self.location = location
        self.kelurahan = kelurahan
        self.kecamatan = kecamatan
        self.lat = lat
        self.lon = lon
        self.anonymous = anonymous
        self.confidential = confidential
        self.inspectorate = inspectorate
        self.escalationLevel = escalationLevel
        self.overdueStep = overdueStep
        self.assignedTo = assignedTo
        self.subUnit = subUnit
        self.dueAt = dueAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.moduleFields = moduleFields
    }
}
