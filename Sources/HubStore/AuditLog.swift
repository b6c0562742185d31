import Complaints
import Postgres

/// The append-only record of what staff did that is not an action on a case (accounts, say).
/// Case actions are recorded by `CaseStore.perform` in the same way.
public enum AuditLog {
    public static func record(_ action: String, by actor: Actor, before: [String: Any]? = nil, after: [String: Any]? = nil,
                              on connection: PostgresConnection) throws {
        try record(action, accountID: actor.accountID, role: actor.publicRole, before: before, after: after, on: connection)
    }

    /// An account change, by the operator (`hubctl`, recorded with the role `operator`) or an account.
    public static func record(_ action: String, by manager: AccountManager, before: [String: Any]? = nil,
                              after: [String: Any]? = nil, on connection: PostgresConnection) throws {
        try record(action, accountID: manager.accountID, role: manager.auditRole, before: before, after: after, on: connection)
    }

    private static func record(_ action: String, accountID: Int64?, role: String, before: [String: Any]?, after: [String: Any]?,
                               on connection: PostgresConnection) throws {
        try connection.query("""
            insert into audit_log (account_id, role, action, before, after) values ($1, $2, $3, $4::jsonb, $5::jsonb)
            """, [accountID, role, action, before.map(JSONText.encode), after.map(JSONText.encode)])
    }
}
