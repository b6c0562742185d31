import Complaints
import Foundation
import Postgres

public enum CasePhotos {
    public static func list(caseID: Int64, on connection: PostgresConnection) throws -> [CasePhoto] {
        try connection.query("""
            select id, purpose, position, media_type from complaint_photos
             where complaint_id = $1 order by purpose desc, position
            """, [caseID]).map { row in
            CasePhoto(id: try row.decode("id"), purpose: try row.decode("purpose"), position: try row.decode("position"),
                      mediaType: try row.decode("media_type"))
        }
    }

    /// One photo's type and bytes, only when it belongs to the case.
    public static func load(id: Int64, caseID: Int64, on connection: PostgresConnection) throws -> (String, Data)? {
        guard let row = try connection.query(
            "select media_type, bytes from complaint_photos where id = $1 and complaint_id = $2", [id, caseID]).first
        else { return nil }
        return (try row.decode("media_type"), try row.decode("bytes"))
    }
}

extension DuplicateLinks {
    public static func load(caseID: Int64, on connection: PostgresConnection) throws -> DuplicateLinks {
        let of = try connection.query("""
            select o.tracking_code from complaints c join complaints o on o.id = c.duplicate_of where c.id = $1
            """, [caseID]).first.map { try $0.decode("tracking_code", as: String.self) }
        let joined = try connection.query("""
            select tracking_code, status from complaints where duplicate_of = $1 order by created_at
            """, [caseID]).map { (try $0.decode("tracking_code", as: String.self), try $0.decode("status", as: String.self)) }
        return DuplicateLinks(duplicateOf: of, joined: joined)
    }
}
