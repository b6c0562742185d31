import Complaints
import Foundation
import Postgres

extension Case {
    static let columns = """
        id, tracking_code, category_code, subcategory_code, module_code, agency_code, channel_code, status, priority,
        description, location, kelurahan, kecamatan, lat, lon, anonymous, confidential, inspectorate,
        escalation_level, overdue_step, assigned_to, sub_unit_code, due_at, created_at, updated_at, module_fields::text as module_fields_json,
        forwarded_from_agency, forwarded_from_module, forwarded_from_category, forwarded_from_subcategory, request_type, parent_id,
        reporter_wait_status, reporter_wait_remaining, reporter_wait_lapsed, reporter_answered, kecamatan_code, kelurahan_code
        """

    init(row: PostgresRow) throws {
        let moduleCode: String = try row.decode("module_code")
        let statusCode: String = try row.decode("status")
        let priorityCode: String = try row.decode("priority")
        guard let module = ModuleName(rawValue: moduleCode), let status = ComplaintStatus(rawValue: statusCode),
              let priority = Priority(rawValue: priorityCode) else {
            throw PostgresError.decoding(column: "module_code/status/priority", expected: "known codes", value: moduleCode)
        }
        let fieldsJSON: String = try row.decode("module_fields_json")
        // The whole object is written back after a change: a value that is not text must stop the
        // read, not be dropped (and then lost) as if the case had no fields.
        // Most cases have no module fields: their object needs no parser.
        guard let moduleFields = fieldsJSON == "{}" ? [:]
                : JSONText.decode([String: String].self, from: fieldsJSON) else {
            throw PostgresError.decoding(column: "module_fields", expected: "an object of text values", value: fieldsJSON)
        }
        self.init(id: try row.decode("id"), trackingCode: try row.decode("tracking_code"), category: try row.decode("category_code"),
                  subcategory: try row.decode("subcategory_code"), module: module, agency: try row.decode("agency_code"),
                  channel: try row.decode("channel_code"), status: status, priority: priority,
                  description: try row.decode("description"), location: try row.decode("location"),
                  kelurahan: try row.decode("kelurahan"), kecamatan: try row.decode("kecamatan"), lat: try row.decode("lat"),
                  lon: try row.decode("lon"), anonymous: try row.decode("anonymous"), confidential: try row.decode("confidential"),
                  inspectorate: try row.decode("inspectorate"), escalationLevel: try row.decode("escalation_level"),
                  overdueStep: try row.decode("overdue_step"), assignedTo: try row.decode("assigned_to"),
                  subUnit: try row.decode("sub_unit_code"), dueAt: try row.decode("due_at"),
                  createdAt: try row.decode("created_at"), updatedAt: try row.decode("updated_at"),
                  moduleFields: moduleFields, forwardedFrom: try Self.forwardOrigin(row),
                  requestType: try row.decode("request_type"), parentID: try row.decode("parent_id"),
                  reporterWait: try Self.reporterWait(row), reporterAnswered: try row.decode("reporter_answered"),
                  kecamatanCode: try row.regionCode("kecamatan_code"), kelurahanCode: try row.regionCode("kelurahan_code"))
    }

    /// Where a forwarded case came from (agency and module are set together, by migration 023's check;
    /// the category beside them since migration 035).
    private static func forwardOrigin(_ row: PostgresRow) throws -> ForwardOrigin? {
        guard let agency = row["forwarded_from_agency"], let code = row["forwarded_from_module"] else { return nil }
        guard let module = ModuleName(rawValue: code) else {
            throw PostgresError.decoding(column: "forwarded_from_module", expected: "ModuleName", value: code)
        }
        return ForwardOrigin(agency: agency, module: module, category: row["forwarded_from_category"],
                             subcategory: row["forwarded_from_subcategory"])
    }

    /// What a case waiting for the reporter resumes with (migration 026's check keeps the columns together).
    private static func reporterWait(_ row: PostgresRow) throws -> ReporterWait? {
        guard let code = row["reporter_wait_status"] else { return nil }
        guard let status = ComplaintStatus(rawValue: code) else {
            throw PostgresError.decoding(column: "reporter_wait_status", expected: "ComplaintStatus", value: code)
        }
        let remaining: Int64? = try row.decode("reporter_wait_remaining")
        return ReporterWait(resumeStatus: status, remaining: remaining.map(Int.init), lapsed: try row.decode("reporter_wait_lapsed"))
    }
}
