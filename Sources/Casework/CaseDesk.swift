import Complaints
import HTTP
import HubStore
import Postgres
import Queue
import ServiceKit

/// What every module shares: taking its queue's messages into its work queue, and serving the staff
/// and inspector actions on the cases it owns. A module's executable adds its own rules on top.
public struct CaseDesk: Sendable {
    public let module: ModuleName
    public let pool: PostgresPool
    /// Whether the session cookie carries the Secure attribute (`HUB_COOKIE_SECURE=1` behind TLS).
    public let secureCookies: Bool
    /// How many failed logins are tolerated per account name and per client address.
    public let loginThrottle: LoginThrottle
    /// The module's own fields on its cases.
    public let profile: ModuleProfile
    /// The module's own step after a case is taken in, in the same transaction (public works
    /// verifies reports of registered village officials by itself).
    public let afterDispatch: (@Sendable (PostgresConnection, StoredCase) throws -> Void)?
    /// Where the staff pages log the errors they answer with a page of their own.
    public let logger: Logger
    /// After-photo bytes each client address may store per day.
    public let photoQuota: PhotoQuota

    public init(module: ModuleName, pool: PostgresPool, secureCookies: Bool = false, loginThrottle: LoginThrottle = LoginThrottle(),
                profile: ModuleProfile = .none, afterDispatch: (@Sendable (PostgresConnection, StoredCase) throws -> Void)? = nil,
                logger: Logger? = nil, photoQuota: PhotoQuota = PhotoQuota()) {
        self.module = module
        self.photoQuota = photoQuota
        self.logger = logger ?? Logger(service: ServiceName(module: module).rawValue)
        self.afterDispatch = afterDispatch
        self.profile = profile
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
