import Complaints
import Foundation
import Postgres

extension PublicCase {
    /// Loads the public view of a case in one round trip: the case, its timeline and its photos read
    /// in one snapshot (read apart, a change committed in between showed a new event beside the old
    /// status or deadline), sent together as one pipeline.
    /// - Returns: nil when no case has this code.
    public static func load(_ code: String, on connection: PostgresConnection) throws -> PublicCase? {
        if connection.inTransaction {
            return try make(from: connection.pipeline { queueReads(code, into: &$0) }[...])
        }
        return try loaded(from: connection.pipeline { queueLoad(code, into: &$0) })
    }

    /// Queues `load`'s reads, in a snapshot of their own, in a batch that runs outside a transaction
    /// (e.g. after a COMMIT: `PostgresConnection.transaction(_:thenReading:)`); `loaded(from:)`
    /// reads the view from the batch's rows.
    public static func queueLoad(_ code: String, into batch: inout PostgresBatch) {
        batch.inOneSnapshot { queueReads(code, into: &$0) }
    }

    /// The view in the rows of `queueLoad`'s statements (and nothing else); nil when no case has the code.
    public static func loaded(from rows: [PostgresRows]) throws -> PublicCase? {
        try make(from: rows.dropFirst())
    }

    private static func queueReads(_ code: String, into batch: inout PostgresBatch) {
        batch.query(SQL.complaint, [code])
        batch.query(SQL.timeline, [code])
        batch.query(SQL.photos, [code])
        batch.query(SQL.parts, [code])
    }

    private static func make(from read: ArraySlice<PostgresRows>) throws -> PublicCase? {
        var found = try make(complaint: read[read.startIndex], timeline: read[read.startIndex + 1], photos: read[read.startIndex + 2])
        found?.parts = try parts(in: read[read.startIndex + 3])
        return found
    }

    private static func make(complaint: PostgresRows, timeline: PostgresRows, photos: PostgresRows) throws -> PublicCase? {
        guard let row = complaint.first else { return nil }
        let statusCode: String = try row.decode("status")
        guard let status = ComplaintStatus(rawValue: statusCode) else {
            throw PostgresError.decoding(column: "status", expected: "ComplaintStatus", value: statusCode)
        }
        let events = try timeline.map { event in
            PublicEvent(kind: try event.decode("kind"), at: try event.decode("at"), actorRole: try event.decode("actor_role"),
                        toStatus: try event.decode("to_status"), note: try event.decode("note"), noteEN: try event.decode("note_en"))
        }
        let pictures = try photos.map { photo in
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
                          joinedStatus: (row["joined_status"]).flatMap(ComplaintStatus.init(rawValue:)), photos: pictures)
    }

    enum SQL {
        static let complaint = """
            select tracking_code, category_code, category_name_id, category_name_en, status, confidential, description,
                   location, kelurahan, kecamatan, due_at, created_at, updated_at, joined_status
              from public_complaints where tracking_code = $1
            """
        static let timeline = """
            select kind, at, actor_role, to_status, note, note_en from public_timeline where tracking_code = $1 order by at, event_id
            """
        /// Each agency's part of a request that fans out (migration 029), in the request type's order.
        static let parts = """
            select agency_code, agency_name_id, agency_name_en, status, due_at from public_case_parts
             where parent_code = $1 order by position, agency_code
            """
        static let photos = """
            select position, purpose, media_type from public_photos where tracking_code = $1 order by purpose desc, position
            """
    }
}

extension PublicCase {
    private static func parts(in rows: PostgresRows) throws -> [PublicPart] {
        try rows.map { row in
            let code: String = try row.decode("status")
            guard let status = ComplaintStatus(rawValue: code) else {
                throw PostgresError.decoding(column: "status", expected: "ComplaintStatus", value: code)
            }
            return PublicPart(agency: try row.decode("agency_code"), agencyNameID: try row.decode("agency_name_id"),
                              agencyNameEN: try row.decode("agency_name_en"), status: status, dueAt: try row.decode("due_at"))
        }
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
