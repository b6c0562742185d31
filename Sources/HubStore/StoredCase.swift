import Complaints
import Foundation
import Postgres

/// A case as staff and the lifecycle see it (no reporter data: that is read separately, by role).
public struct StoredCase: Sendable {
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

    static let columns = """
        id, tracking_code, category_code, subcategory_code, module_code, agency_code, channel_code, status, priority,
        description, location, kelurahan, kecamatan, lat, lon, anonymous, confidential, inspectorate,
        escalation_level, overdue_step, assigned_to, sub_unit_code, due_at, created_at, updated_at, module_fields::text as module_fields_json
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        trackingCode = try row.decode("tracking_code")
        category = try row.decode("category_code")
        subcategory = try row.decode("subcategory_code")
        let moduleCode: String = try row.decode("module_code")
        let statusCode: String = try row.decode("status")
        let priorityCode: String = try row.decode("priority")
        guard let module = ModuleName(rawValue: moduleCode), let status = ComplaintStatus(rawValue: statusCode),
              let priority = Priority(rawValue: priorityCode) else {
            throw PostgresError.decoding(column: "module_code/status/priority", expected: "known codes", value: moduleCode)
        }
        self.module = module
        self.status = status
        self.priority = priority
        agency = try row.decode("agency_code")
        channel = try row.decode("channel_code")
        description = try row.decode("description")
        location = try row.decode("location")
        kelurahan = try row.decode("kelurahan")
        kecamatan = try row.decode("kecamatan")
        lat = try row.decode("lat")
        lon = try row.decode("lon")
        anonymous = try row.decode("anonymous")
        confidential = try row.decode("confidential")
        inspectorate = try row.decode("inspectorate")
        escalationLevel = try row.decode("escalation_level")
        overdueStep = try row.decode("overdue_step")
        assignedTo = try row.decode("assigned_to")
        subUnit = try row.decode("sub_unit_code")
        dueAt = try row.decode("due_at")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        let fieldsJSON: String = try row.decode("module_fields_json")
        moduleFields = (try? JSONSerialization.jsonObject(with: Data(fieldsJSON.utf8))) as? [String: String] ?? [:]
    }

    /// The fields an audit record keeps of a case before and after an action.
    var auditSnapshot: [String: Any] {
        var snapshot: [String: Any] = [
            "status": status.rawValue, "priority": priority.rawValue, "category": category, "module": module.rawValue,
            "inspectorate": inspectorate,
        ]
        if let assignedTo { snapshot["assigned_to"] = assignedTo }
        if let subUnit { snapshot["sub_unit"] = subUnit }
        if let dueAt { snapshot["due_at"] = PostgresTimestamp.format(dueAt) }
        if !moduleFields.isEmpty { snapshot["module_fields"] = moduleFields }
        return snapshot
    }
}

/// A timeline event as staff see it (internal events included, identities as account ids).
public struct CaseEvent: Sendable {
    public let kind: String
    public let at: Date
    public let actorRole: String
    public let isPublic: Bool
    public let note: String?
    public let toStatus: String?
}
