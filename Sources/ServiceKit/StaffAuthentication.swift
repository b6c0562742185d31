import Complaints
import HTTP
import HubStore
import Postgres

/// Finds the account behind a request: `Authorization: Bearer TOKEN` for JSON clients, the
/// `hub_session` cookie for pages.
public enum StaffAuthentication {
    public static let cookieName = "hub_session"

    /// The session token a request carries, if any.
    public static func token(of request: HTTPRequest) -> String? {
        if let header = request.headers["Authorization"] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]).trimmingASCIISpaces() }
        }
        return request.cookie(cookieName)
    }

    /// The signed-in account.
    /// - Throws: `HTTPError` 401 when there is no valid session.
    public static func require(_ request: HTTPRequest, pool: PostgresPool) throws -> Account {
        guard let token = token(of: request),
              let account = try pool.withConnection({ try AccountStore.account(forToken: token, on: $0) }) else {
            var headers = HTTPHeaders()
            headers.add("WWW-Authenticate", "Bearer realm=\"hub\"")
            throw HTTPError(401, "unauthenticated", "log in first: POST /api/v1/staff/login", headers: headers)
        }
        return account
    }
}

extension StaffAuthentication {
    /// The signed-in account, when it belongs to `module` or sees every module (inspectors, admins),
    /// and, when `roles` is given, has one of them.
    /// - Throws: `HTTPError` 401 without a session, 403 `forbidden` for another module,
    ///   403 `forbidden_action` for another role.
    public static func require(_ request: HTTPRequest, pool: PostgresPool, module: ModuleName,
                               roles: Set<Role>? = nil) throws -> Account {
        let account = try require(request, pool: pool)
        guard account.role == .inspector || account.role == .admin || account.module == module else {
            throw HTTPError(403, "forbidden", "this belongs to the \(module.rawValue) module")
        }
        if let roles, !roles.contains(account.role) { throw HTTPError(403, "forbidden_action", "your role may not do this") }
        return account
    }

    /// The 429 for a login refused by throttling.
    public static func throttled(retryAfter seconds: Int) -> HTTPError {
        var headers = HTTPHeaders()
        headers.add("Retry-After", String(seconds))
        return HTTPError(429, "too_many_attempts", "too many failed logins; try again in \(seconds) seconds", headers: headers)
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
