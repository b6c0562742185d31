import Complaints
import HTTP

/// Finds the staff session behind a request once, for every handler of a group, and puts it in the
/// request's context (`RequestContext.staffSession`), so no handler authenticates by hand.
public struct StaffSessionMiddleware: Middleware {
    /// Which credentials a group takes and what happens without a session.
    public enum Policy: Sendable {
        /// The JSON API: `Authorization: Bearer` or the session cookie (`StaffAuthentication`); 401
        /// without a live session, 403 for a cookie-authenticated change without the CSRF header or
        /// this site's Origin; with `module`, 403 `forbidden` for an account of another module.
        case api(module: ModuleName? = nil)
        /// The pages: the session cookie only; without a live session the context holds none and the
        /// page sends the browser to the login (its forms carry the CSRF token, checked by the page).
        case pages
    }

    let sessions: StaffSessions
    let policy: Policy

    public init(_ sessions: StaffSessions, _ policy: Policy) {
        self.sessions = sessions
        self.policy = policy
    }

    /// Looks the session up (the store being away is thrown, never taken for a missing session) and
    /// runs the rest of the chain with it in the context.
    /// - Throws: `HTTPError` 401 or 403 under `.api`, as `StaffAuthentication.require`.
    public func handle(_ request: HTTPRequest, context: RequestContext, next: ContextHandler) throws -> HTTPResponse {
        var context = context
        switch policy {
        case .api(let module):
            let session = try StaffAuthentication.require(request, sessions: sessions)
            if let module { try StaffAuthentication.checkModule(session.account, module) }
            context.staffSession = session
        case .pages:
            context.staffSession = try StaffCookie.session.value(in: request).flatMap(sessions.session(forToken:))
        }
        context[StaffSessionLookedUp.self] = true
        return try next(request, context)
    }
}

/// The staff session a group's `StaffSessionMiddleware` found.
enum StaffSessionKey: RequestContextKey { typealias Value = StaffSession }

/// Set once the middleware ran, found a session or not.
enum StaffSessionLookedUp: RequestContextKey { typealias Value = Bool }

extension RequestContext {
    /// The session the group's `StaffSessionMiddleware` found, or nil (no session on a page, or no
    /// such middleware).
    public internal(set) var staffSession: StaffSession? {
        get { self[StaffSessionKey.self] }
        set { self[StaffSessionKey.self] = newValue }
    }

    /// Whether a `StaffSessionMiddleware` looked for the session (so nil means there is none).
    public var staffSessionLookedUp: Bool { self[StaffSessionLookedUp.self] ?? false }

    /// The signed-in account, which an `.api` group's middleware has already required.
    /// - Parameter roles: when given, the roles that may do this.
    /// - Throws: 401 without a session (a route outside such a group); 403 `forbidden_action` for
    ///   another role.
    public func staffAccount(roles: Set<Role>? = nil) throws -> Account {
        guard let account = staffSession?.account else { throw StaffAuthentication.unauthenticated }
        if let roles { try StaffAuthentication.checkRole(account, roles) }
        return account
    }
}
