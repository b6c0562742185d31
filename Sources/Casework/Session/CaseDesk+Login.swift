import Complaints
import Foundation
import HTTP
import HubStore
import ServiceKit

/// A login and password as either route read them.
struct LoginRequest: Equatable {
    let login: String
    let password: String

    /// `POST /api/v1/staff/login`'s body.
    /// - Throws: `Refusal` 400 `invalid_request` unless both are non-empty strings.
    init(json body: JSONObjectReader) throws {
        guard let login = body.members["login"]?.text, let password = body.members["password"]?.text,
              !login.isEmpty, !password.isEmpty else {
            throw Refusal.loginFieldsRequired
        }
        self.login = login
        self.password = password
    }

    /// The login page's form: what was typed, empty fields included (they fail like a wrong password).
    init(form: PageForm) {
        login = form.fields["login"] ?? ""
        password = form.fields["password"] ?? ""
    }
}

/// What came of a login: the one outcome the JSON route and the login page render.
enum LoginOutcome {
    case signedIn(SignedIn)
    /// Wrong login or password.
    case invalid
    /// Too many recent failures for this name or address; try again after this many seconds.
    case throttled(retryAfter: Int)
}

/// A new session.
struct SignedIn {
    let account: Account
    /// The session token (shown once; only its hash is stored).
    let token: String
    /// With the cookie instead of the Bearer token, a request that changes state sends it in X-CSRF-Token.
    let csrfToken: String
    let expires: Date

    /// `POST /api/v1/staff/login`'s body.
    var json: JSONValue {
        ["token": .string(token), "csrf_token": .string(csrfToken), "role": .string(account.role.rawValue),
         "login": .string(account.login), "module": JSONValue(account.module?.rawValue), "categories": account.categories.json,
         "expires_at": .string(expires.iso8601)]
    }

    /// Sets the session cookie on `response`, which no cache keeps.
    func set(on response: inout HTTPResponse) {
        response.headers.add("Set-Cookie", StaffCookie.session.setting(token, maxAge: max(0, Int(expires.timeIntervalSinceNow))))
        response.headers.add("Cache-Control", "no-store")
    }
}

extension CaseDesk {
    /// Signing in, the one use case behind the JSON login and the login page: checks the password
    /// unless the name or the address is throttled, and opens a session.
    func logIn(_ credentials: LoginRequest, from address: String) throws -> LoginOutcome {
        let throttle = loginThrottle
        return try pool.transaction { connection -> LoginOutcome in
            switch try AccountStore.logIn(login: credentials.login, password: credentials.password, address: address,
                                          throttle: throttle, on: connection) {
            case .success(let account, let token, let expires):
                let csrf = try AccountStore.session(forToken: token, on: connection)?.csrfToken ?? ""
                return .signedIn(SignedIn(account: account, token: token, csrfToken: csrf, expires: expires))
            case .invalid: return .invalid
            case .throttled(let wait): return .throttled(retryAfter: wait)
            }
        }
    }
}
