import Complaints
import Foundation
import Postgres

extension PublicCase {
    /// Loads the public view of a case.
    /// - Returns: nil when no case has this code.
    public static func load(_ code: String, on connection: PostgresConnection) throws -> PublicCase? {
        // One snapshot for the case, its timeline and its photos: read apart, a change committed in
        // between showed a new event beside the old status or deadline.
        try connection.transaction(isolation: "REPEATABLE READ READ ONLY") { try loadInSnapshot(code, on: $0) }
    }

    private static func loadInSnapshot(_ code: String, on connection: PostgresConnection) throws -> PublicCase? {
        guard let row = try connection.query("""
            select tracking_code, category_code, category_name_id, category_name_en, status, confidential, description,
                   location, kelurahan, kecamatan, due_at, created_at, updated_at, joined_status
              from public_complaints where tracking_code = $1
            """, [code]).first else { return nil }
        let statusCode: String = try row.decode("status")
        guard let status = ComplaintStatus(rawValue: statusCode) else {
            throw PostgresError.decoding(column: "status", expected: "ComplaintStatus", value: statusCode)
        }
        let events = try connection.query("""
            select kind, at, actor_role, to_status, note, note_en from public_timeline where tracking_code = $1 order by at, event_id
            """, [code]).map { event in
            PublicEvent(kind: try event.decode("kind"), at: try event.decode("at"), actorRole: try event.decode("actor_role"),
                        toStatus: try event.decode("to_status"), note: try event.decode("note"), noteEN: try event.decode("note_en"))
        }
        let photos = try connection.query("""
            select position, purpose, media_type from public_photos where tracking_code = $1 order by purpose desc, position
            """, [code]).map { photo in
            PublicPhoto(position: try photo.decode("position"), purpose: try photo.decode("purpose"),
                        mediaType: try photo.decode("media_type"))
        }
        return PublicCase(trackingCode: try row.decode("tracking_code"), category: try row.decode("category_code"),
                          categoryNameID: try row.decode("category_name_id"), categoryNameEN: try row.decode("category_name_en"),
                          status: status, confidential: try row.decode("confidential"),
                          description: try row.decode("description"), location: try row.decode("location"),
                          kelurahan: try row.decode("kelurahan"), kecamatan: try row.decode("kecamatan"),
                          dueAt: try row.decode("due_at"), createdAt: try row.decode("created_at"),
                          updatedAt: try row.decode("updated_at"), timeline: events,
                          joinedStatus: (row["joined_status"]).flatMap(ComplaintStatus.init(rawValue:)), photos: photos)
    }
}

extension PublicPhoto {
    /// Reads a public photo's bytes by id; nil when the complaint is confidential or there is no such photo.
    public static func load(id: Int64, on connection: PostgresConnection) throws -> (String, Data)? {
        try connection.query("select media_type, bytes from public_photos where id = $1", [id])
            .first.map { (try $0.decode("media_type"), try $0.decode("bytes")) }
    }

    /// Reads a public photo's bytes; nil when the complaint is confidential or has no such photo.
    public static func load(code: String, position: Int, purpose: PhotoPurpose, on connection: PostgresConnection) throws -> (String, Data)? {
        try connection.query("""
            select media_type, bytes from public_photos where tracking_code = $1 and position = $2 and purpose = $3
            """, [code, position, purpose]).first.map { (try $0.decode("media_type"), try $0.decode("bytes")) }
    }
}
