import Complaints
import HubStore
import Postgres
import ServiceKit

/// The session lookup the session middleware is given: the account store's sessions.
extension StaffSessions {
    /// The sessions in the account store behind `pool`.
    public static func stored(in pool: PostgresPool) -> StaffSessions {
        StaffSessions { token in try pool.withConnection { try AccountStore.session(forToken: token, on: $0) } }
    }
}
