import Complaints
import HTTP
import HubStore
import Postgres
import Queue

/// What every module shares: taking its queue's messages into its work queue, and serving the staff
/// and inspector actions on the cases it owns. A module's executable adds its own rules on top.
public struct CaseDesk: Sendable {
    public let module: ModuleName
    public let pool: PostgresPool
    /// Whether the session cookie carries the Secure attribute (`HUB_COOKIE_SECURE=1` behind TLS).
    public let secureCookies: Bool
    /// How many failed logins are tolerated per account name and per client address.
    public let loginThrottle: LoginThrottle

    public init(module: ModuleName, pool: PostgresPool, secureCookies: Bool = false, loginThrottle: LoginThrottle = LoginThrottle()) {
        self.module = module
        self.pool = pool
        self.secureCookies = secureCookies
        self.loginThrottle = loginThrottle
    }

    /// The staff and inspector JSON routes under `/api/v1/staff/`.
    public func routes() -> Router {
        var router = Router()
        installSessionRoutes(on: &router)
        installCaseRoutes(on: &router)
        installPageRoutes(on: &router)
        return router
    }
}
