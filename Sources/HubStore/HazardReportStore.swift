import Complaints
import Foundation
import Postgres

/// Reads what the command centre is told of a hazard report (`HazardReport`).
public enum HazardReportStore {
    /// The report of the complaint with this id, or nil when there is none.
    /// - Parameter publicPage: the absolute address of a report's public page by its public id.
    /// - Throws: `PostgresError`.
    public static func report(_ complaintID: Int64, publicPage: (Int64) -> String,
                              on connection: PostgresConnection) throws -> HazardReport? {
        guard let row = try connection.query(SQL.report, [complaintID]).first else { return nil }
        let statusCode: String = try row.decode("status")
        guard let status = ComplaintStatus(rawValue: statusCode) else {
            throw PostgresError.decoding(column: "status", expected: "ComplaintStatus", value: statusCode)
        }
        let lat: Double? = try row.decode("lat"), lon: Double? = try row.decode("lon")
        let subcategory: String? = try row.decode("subcategory_code")
        return HazardReport(
            publicID: complaintID,
            category: .init(code: try row.decode("category_code"), nameID: try row.decode("category_name_id"),
                            nameEN: try row.decode("category_name_en")),
            subcategory: try subcategory.map { .init(code: $0, nameID: try row.decode("subcategory_name_id"),
                                                     nameEN: try row.decode("subcategory_name_en")) },
            status: status, reportedAt: try row.decode("created_at"), confidential: try row.decode("confidential"),
            description: try row.decode("description"), location: try row.decode("location"),
            point: lat.flatMap { lat in lon.map { (lat, $0) } },
            kelurahan: .init(code: try row.decode("kelurahan_code"), name: try row.decode("kelurahan")),
            kecamatan: .init(code: try row.decode("kecamatan_code"), name: try row.decode("kecamatan")),
            publicPage: publicPage)
    }

    enum SQL {
        static let report = """
            select c.category_code, cat.name_id as category_name_id, cat.name_en as category_name_en, c.subcategory_code,
                   s.name_id as subcategory_name_id, s.name_en as subcategory_name_en, c.status, c.created_at, c.confidential,
                   c.description, c.location, c.lat, c.lon, c.kelurahan_code, c.kelurahan, c.kecamatan_code, c.kecamatan
              from complaints c
              join categories cat on cat.code = c.category_code
              left join subcategories s on s.category_code = c.category_code and s.code = c.subcategory_code
             where c.id = $1
            """
    }
}
