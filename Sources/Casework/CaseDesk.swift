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
    /// How many failed logins are tolerated per account name and per client address.
    public let loginThrottle: LoginThrottle
    /// The module's own fields on its cases.
    public let profile: ModuleProfile
    /// The module's own step after a case is taken in, in the same transaction, with the batch's
    /// calendar; it returns the case as it left it (public works verifies reports of registered
    /// village officials by itself).
    public typealias AfterDispatch = @Sendable (PostgresConnection, Case, WorkingCalendar) throws -> Case
    public let afterDispatch: AfterDispatch?
    /// Where the staff pages log the errors they answer with a page of their own.
    public let logger: Logger
    /// After-photo bytes each client address may store per day.
    public let photoQuota: PhotoQuota
    /// The walk-in desk's pages (`/staff/desk`), served by the module that takes submissions.
    public var deskIntake: DeskIntake?
    /// The letter desks' and the district admin's pages (`/staff/letters`, `/staff/district`), served
    /// by the module that runs the letters (intake).
    public var letterDesk: LetterDesk?

    public init(module: ModuleName, pool: PostgresPool, loginThrottle: LoginThrottle = LoginThrottle(),
                profile: ModuleProfile = .none, afterDispatch: AfterDispatch? = nil,
                logger: Logger? = nil, photoQuota: PhotoQuota = PhotoQuota()) {
        self.module = module
        self.photoQuota = photoQuota
        self.logger = logger ?? Logger(service: ServiceName(module: module).rawValue)
        self.afterDispatch = afterDispatch
        self.profile = profile
        self.pool = pool
        self.loginThrottle = loginThrottle
        // Made now, so that the first login with an unknown name does not pay for making it; only by
        // the module that signs staff in, as yescrypt holds 16 MiB while it hashes.
        if signsStaffIn { _ = PasswordHasher.system.dummyHash() }
    }

    /// Whether this module signs staff in and manages accounts: intake alone (the gateway sends
    /// those requests there), so the other modules' database roles need no right to passwords,
    /// sessions or login failures.
    public var signsStaffIn: Bool { module == .intake }

    /// The staff and inspector JSON routes under `/api/v1/staff/` and the staff pages under `/staff`.
    /// The JSON answers its errors as JSON and the pages as pages; signing in aside, the session
    /// middleware finds the session before any handler runs.
    public func routes() -> Router {
        var router = Router()
        router.group("/api/v1/staff", errors: .json) { api in
            if signsStaffIn { installLoginRoutes(on: &api) }
            api.group { signedIn in
                signedIn.add(middleware: StaffSessionMiddleware(sessions, .api()))
                installSessionRoutes(on: &signedIn)
                if signsStaffIn { installAccountRoutes(on: &signedIn) }
                if signsStaffIn { installReferenceRoutes(on: &signedIn) }
                installCaseRoutes(on: &signedIn)
            }
        }
        installPageRoutes(on: &router)
        return router
    }

    /// The account store's sessions, for the session middleware.
    var sessions: StaffSessions { .stored(in: pool) }
}
