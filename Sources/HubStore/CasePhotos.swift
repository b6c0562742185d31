import Complaints
import Foundation
import Postgres

/// A case's photos as staff see them. A part of a request that fans out has none of the reporter's
/// own: it shows its request's (the parent's) report photos beside the after-photos of its own work.
public enum CasePhotos {
    public static func list(of stored: Case, on connection: PostgresConnection) throws -> [CasePhoto] {
        try connection.query(SQL.list, [stored.id, stored.parentID]).map { row in
            CasePhoto(id: try row.decode("id"), purpose: try row.decode("purpose"), position: try row.decode("position"),
                      mediaType: try row.decode("media_type"))
        }
    }

    /// One photo's type and bytes, only when it is one of the case's (as `list` names them).
    public static func load(id: Int64, of stored: Case, on connection: PostgresConnection) throws -> (String, Data)? {
        guard let row = try connection.query(SQL.load, [id, stored.id, stored.parentID]).first else { return nil }
        return (try row.decode("media_type"), try row.decode("bytes"))
    }

    enum SQL {
        /// $1 the case, $2 its parent (null for a case that is no part): its own photos and its parent's report photos.
        static let list = """
            select id, purpose, position, media_type from complaint_photos
             where complaint_id = $1 or (complaint_id = $2::bigint and purpose = 'report')
             order by purpose desc, position
            """
        /// $1 the photo, then as `list`.
        static let load = """
            select media_type, bytes from complaint_photos
             where id = $1 and (complaint_id = $2 or (complaint_id = $3::bigint and purpose = 'report'))
            """
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
