import Foundation

/// A case as staff and the lifecycle see it: where it stands, who owns it and what it is about. It
/// holds nothing about the reporter (that is read separately, by role). Only the lifecycle changes
/// its fields (`Lifecycle.apply` returns the case as it will be in its `CaseChange`).
public struct Case: Sendable, Equatable {
    public let id: Int64
    public let trackingCode: String
    public internal(set) var category: String
    public internal(set) var subcategory: String?
    public internal(set) var module: ModuleName
    public internal(set) var agency: String
    public let channel: Channel
    public internal(set) var status: ComplaintStatus
    public internal(set) var priority: Priority
    public let description: String
    public let location: String?
    public let kelurahan: String?
    public let kecamatan: String?
    /// The kecamatan the complaint lies in (`AreaPlacement`), nil where nothing placed it.
    public let kecamatanCode: RegionCode?
    /// The desa/kelurahan the complaint lies in, nil where nothing placed it.
    public let kelurahanCode: RegionCode?
    public let lat: Double?
    public let lon: Double?
    public let anonymous: Bool
    public let confidential: Bool
    public internal(set) var inspectorate: Bool
    public internal(set) var escalationLevel: Int
    /// 0 on time; 1 escalated to the supervisor for being overdue; 2 to the inspectors.
    public internal(set) var overdueStep: Int
    public internal(set) var assignedTo: Int64?
    /// The sub-unit of the agency the case was disposed to, if any.
    public internal(set) var subUnit: String?
    public internal(set) var dueAt: Date?
    public let createdAt: Date
    public internal(set) var updatedAt: Date
    /// The owning module's own fields (see `ModuleProfile`).
    public internal(set) var moduleFields: [String: String]
    /// While the case is `forwarded`: the agency (and module) that forwarded it, where it goes back if returned.
    public internal(set) var forwardedFrom: ForwardOrigin?
    /// The request type of a parent case (its parts are child cases, one per agency): it is never worked directly.
    public let requestType: String?
    /// The parent of a child case: the request it is one agency's part of.
    public let parentID: Int64?
    /// While the case waits for the reporter's answer (`awaitingReporter`): what it resumes with.
    public internal(set) var reporterWait: ReporterWait?
    /// The reporter answered and no staff member has acted on the case since (the queue's marker).
    public internal(set) var reporterAnswered: Bool

    public init(id: Int64, trackingCode: String, category: String, subcategory: String?, module: ModuleName, agency: String,
                channel: Channel, status: ComplaintStatus, priority: Priority, description: String, location: String?,
                kelurahan: String?, kecamatan: String?, lat: Double?, lon: Double?, anonymous: Bool, confidential: Bool,
                inspectorate: Bool, escalationLevel: Int, overdueStep: Int, assignedTo: Int64?, subUnit: String?,
                dueAt: Date?, createdAt: Date, updatedAt: Date, moduleFields: [String: String], forwardedFrom: ForwardOrigin? = nil,
                requestType: String? = nil, parentID: Int64? = nil,
                reporterWait: ReporterWait? = nil, reporterAnswered: Bool = false,
                kecamatanCode: RegionCode? = nil, kelurahanCode: RegionCode? = nil) {
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
        self.kecamatanCode = kecamatanCode
        self.kelurahanCode = kelurahanCode
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
        self.forwardedFrom = forwardedFrom
        self.requestType = requestType
        self.parentID = parentID
        self.reporterWait = reporterWait
        self.reporterAnswered = reporterAnswered
    }
}
