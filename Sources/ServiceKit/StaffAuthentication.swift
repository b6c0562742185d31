import Complaints
import HTTP

/// Finds the account behind a request: `Authorization: Bearer TOKEN` for JSON clients, the session
/// cookie for pages. A cookie alone never changes state: a request that is not GET, HEAD or OPTIONS and
/// is authenticated by the cookie must also carry the session's CSRF token in `X-CSRF-Token` and this
/// site's `Origin` (403 `csrf_token_required` / `origin_mismatch`).
public enum StaffAuthentication {
    /// The header a cookie-authenticated JSON request carries the session's CSRF token in.
    public static let csrfHeader = "X-CSRF-Token"

    /// How a request proves its session.
    enum Credential {
        case bearer(String)
        case cookie(String)

        var token: String {
            switch self {
            case .bearer(let token), .cookie(let token): return token
            }
        }
    }

    static func credential(of request: HTTPRequest) -> Credential? {
        if let header = request.headers["Authorization"] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return .bearer(String(parts[1]).trimmingASCIISpaces()) }
        }
        return StaffCookie.session.value(in: request).map(Credential.cookie)
    }

    /// The signed-in account's session.
    /// - Throws: `HTTPRefusal` 401 when there is no valid session; 403 when the session is the cookie's,
    ///   the request changes state, and the CSRF token or the Origin is missing or wrong.
    public static func require(_ request: HTTPRequest, sessions: StaffSessions) throws -> StaffSession {
        guard let credential = credential(of: request) else { throw unauthenticated }
        guard let session = try sessions.session(forToken: credential.token) else { throw unauthenticated }
        if case .cookie = credential, changesState(request) { try checkCookieRequest(request, session: session) }
        return session
    }

    /// The token of a request that may change state (logging out): a Bearer token as sent; the cookie's
    /// only with the session's CSRF token and this site's Origin.
    /// - Returns: nil without a token, or for a cookie naming no live session.
    /// - Throws: `Refusal` 403 as `require` does.
    public static func tokenForChange(_ request: HTTPRequest, sessions: StaffSessions) throws -> String? {
        switch credential(of: request) {
        case nil: return nil
        case .bearer(let token): return token
        case .cookie(let token):
            guard let session = try sessions.session(forToken: token) else { return nil }
            try checkCookieRequest(request, session: session)
            return token
        }
    }

    static func changesState(_ request: HTTPRequest) -> Bool { !["GET", "HEAD", "OPTIONS"].contains(request.method) }

    /// - Throws: `Refusal` 403 `csrf_token_required` or `origin_mismatch`.
    static func checkCookieRequest(_ request: HTTPRequest, session: StaffSession, edge: PublicEdge = .current) throws {
        guard session.accepts(csrf: request.headers[csrfHeader]) else {
            throw Refusal.csrfTokenRequired
        }
        guard edge.isSameOrigin(request) else {
            throw Refusal.originMismatch
        }
    }

    /// No valid session: the refusal with the challenge a JSON client answers.
    static var unauthenticated: HTTPRefusal { Refusal.unauthenticated.with(header: "WWW-Authenticate", "Bearer realm=\"hub\"") }
}

extension StaffAuthentication {
    /// - Throws: 403 `forbidden` unless the account belongs to `module` or sees every module
    ///   (inspectors, admins).
    static func checkModule(_ account: Account, _ module: ModuleName) throws {
        guard account.role == .inspector || account.role == .admin || account.module == module else {
            throw Refusal.belongsToModule(module)
        }
    }

    /// - Throws: 403 `forbidden_action` unless the account has one of `roles`.
    static func checkRole(_ account: Account, _ roles: Set<Role>) throws {
        if !roles.contains(account.role) { throw Refusal.roleMayNotDoThis }
    }

    /// The 429 for a login refused by throttling.
    public static func throttled(retryAfter seconds: Int) -> HTTPRefusal {
        Refusal.tooManyAttempts(retryAfter: seconds).with(header: "Retry-After", String(seconds))
    }
}

extension String {
    func trimmingASCIISpaces() -> String {
        var text = self[...]
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
