import Complaints
import Postgres

/// The append-only record of what staff, inspectors, citizens and the operator did: who (account
/// and role), from which client address (nil for `hubctl`), what, on which case, and what changed.
/// Case changes are recorded with the rest of their `CaseChange` (`CaseStore.write`), account
/// changes by `AccountStore`; every entry is inserted here.
public enum AuditLog {
    /// Appends one entry. Call inside the transaction of the change it records: the entry travels
    /// with the transaction's next statement or its COMMIT.
    /// - Parameters:
    ///   - acting: who did it and from which address.
    ///   - complaintID: the case acted on, if any.
    ///   - letterID: the letter acted on, if any.
    public static func record<Who>(_ action: String, by acting: Acting<Who>, complaintID: Int64? = nil, letterID: Int64? = nil,
                                   before: [String: Any]? = nil, after: [String: Any]? = nil,
                                   on connection: PostgresConnection) throws {
        try insert(action, by: acting, complaintID: complaintID, letterID: letterID, before: before.map(JSONText.encode),
                   after: after.map(JSONText.encode), on: connection)
    }

    /// Appends one entry whose snapshots are typed values (a record of reference data).
    public static func record<Who, Snapshot: Encodable>(_ action: String, by acting: Acting<Who>, before: Snapshot? = nil,
                                                       after: Snapshot, on connection: PostgresConnection) throws {
        try insert(action, by: acting, complaintID: nil, before: before.map(JSONText.encode), after: JSONText.encode(after),
                   on: connection)
    }

    /// Appends the entry the lifecycle decided for a change of a case.
    static func record(_ entry: CaseAuditEntry, on connection: PostgresConnection) throws {
        try insert(entry.action.rawValue, by: entry.acting, complaintID: entry.caseID, before: JSONText.encode(entry.before),
                   after: JSONText.encode(entry.after), on: connection)
    }

    private static func insert<Who>(_ action: String, by acting: Acting<Who>, complaintID: Int64?, letterID: Int64? = nil, before: String?,
                                    after: String?, on connection: PostgresConnection) throws {
        try connection.write("""
            insert into audit_log (account_id, role, address, action, complaint_id, letter_id, before, after)
            values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)
            """, [acting.who.accountID, acting.who.auditRole, acting.address, action, complaintID, letterID, before, after])
    }
}
