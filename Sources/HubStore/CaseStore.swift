import Complaints
import Foundation
import Postgres

/// Reads and writes cases. The lifecycle decides every change (`Lifecycle.apply` returns a
/// `CaseChange`); this store loads what it needs and writes what it decided (CaseStore+Change.swift).
public enum CaseStore {
    /// Finds a case by tracking code.
    public static func find(_ code: String, on connection: PostgresConnection, forUpdate: Bool = false) throws -> Case? {
        let sql = "select \(Case.columns) from complaints where tracking_code = $1" + (forUpdate ? " for update" : "")
        return try connection.query(sql, [code]).first.map(Case.init)
    }

    /// The cases with these tracking codes, in one read; unknown codes are absent.
    public static func find(codes: [String], on connection: PostgresConnection) throws -> [Case] {
        guard !codes.isEmpty else { return [] }
        return try connection.query("select \(Case.columns) from complaints where tracking_code = any($1::text[])", [codes])
            .map(Case.init)
    }

    /// The id of the case with this tracking code, or nil.
    public static func id(of code: String, on connection: PostgresConnection) throws -> Int64? {
        try connection.query("select id from complaints where tracking_code = $1", [code]).first.map { try $0.decode("id", as: Int64.self) }
    }

    /// Finds a case by id.
    public static func find(id: Int64, on connection: PostgresConnection, forUpdate: Bool = false) throws -> Case? {
        let sql = ReadSQL.findByID + (forUpdate ? " for update" : "")
        return try connection.query(sql, [id]).first.map(Case.init)
    }

    /// The whole timeline of a case, internal events included (staff view).
    public static func timeline(caseID: Int64, on connection: PostgresConnection) throws -> [CaseEvent] {
        try events(in: connection.query(ReadSQL.timeline, [caseID]))
    }

    /// Queues the reads of a case and its timeline, in one snapshot of their own, in a batch that
    /// runs outside a transaction (after a COMMIT: `PostgresConnection.transaction(_:thenReading:)`);
    /// `foundWithTimeline(in:)` reads them from the batch's rows.
    public static func queueFindWithTimeline(id: Int64, into batch: inout PostgresBatch) {
        batch.inOneSnapshot { reads in
            reads.query(ReadSQL.findByID, [id])
            reads.query(ReadSQL.timeline, [id])
        }
    }

    /// The case and its timeline in the rows of `queueFindWithTimeline`; nil when no case has the id.
    public static func foundWithTimeline(in rows: [PostgresRows]) throws -> (Case, [CaseEvent])? {
        guard let row = rows[1].first else { return nil }
        return (try Case(row: row), try events(in: rows[2]))
    }

    private static func events(in rows: PostgresRows) throws -> [CaseEvent] {
        try rows.map { row in
            CaseEvent(kind: try row.decode("kind"), at: try row.decode("at"), actorRole: try row.decode("actor_role"),
                      isPublic: try row.decode("public"), note: try row.decode("note"), toStatus: try row.decode("to_status"))
        }
    }

    enum ReadSQL {
        static let findByID = "select \(Case.columns) from complaints where id = $1"
        static let timeline = """
            select kind, at, actor_role, public, note, to_status from complaint_events
             where complaint_id = $1 order by at, id
            """
    }
}
