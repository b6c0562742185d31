import Complaints
import Postgres

/// The append-only record of what staff did that is not an action on a case (accounts, say).
/// Case actions are recorded by `CaseStore.perform` in the same way.
public enum AuditLog {
    public static func record(_ action: String, by actor: Actor, before: [String: Any]? = nil, after: [String: Any]? = nil,
                              on connection: PostgresConnection) throws {
        try connection.query("""
            insert into audit_log (account_id, role, action, before, after) values ($1, $2, $3, $4::jsonb, $5::jsonb)
            """, [actor.accountID, actor.publicRole, action, before.map(JSONText.encode), after.map(JSONText.encode)])
    }
}
