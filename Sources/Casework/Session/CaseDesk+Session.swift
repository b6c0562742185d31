import Complaints
import Foundation
import HTTP
import HubStore
import ServiceKit

extension CaseDesk {
    /// Who is signed in, everywhere (in the signed-in group).
    func installSessionRoutes(on group: inout RouterGroup) {
        group.get("/me") { _, context in .json(AccountRequest.json(try context.staffAccount())) }
    }

    /// Signing in and out, at intake only: outside the signed-in group, since neither needs a session.
    func installLoginRoutes(on group: inout RouterGroup) {
        let desk = self
        let pool = self.pool
        let sessions = self.sessions
        let throttle = loginThrottle
        group.post("/login") { request, _ in
            let body = try request.jsonObject()
            guard let login = body["login"] as? String, let password = body["password"] as? String,
                  !login.isEmpty, !password.isEmpty else {
                throw HTTPError(400, "invalid_request", "send {\"login\": \"...\", \"password\": \"...\"}")
            }
            // The session's CSRF token goes to the client too: with the cookie instead of the Bearer
            // token, a request that changes state must send it in X-CSRF-Token.
            let (outcome, csrf) = try pool.transaction { connection -> (AccountStore.LoginOutcome, String) in
                let outcome = try AccountStore.logIn(login: login, password: password, address: request.clientAddress,
                                                     throttle: throttle, on: connection)
                guard case .success(_, let token, _) = outcome else { return (outcome, "") }
                return (outcome, try AccountStore.session(forToken: token, on: connection)?.csrfToken ?? "")
            }
            let (account, token, expires): (Account, String, Date)
            switch outcome {
            case .success(let found, let newToken, let until): (account, token, expires) = (found, newToken, until)
            case .invalid: throw HTTPError(401, "invalid_credentials", "login or password is wrong")
            case .throttled(let wait): throw StaffAuthentication.throttled(retryAfter: wait)
            }
            var response = HTTPResponse.json([
                "token": token, "csrf_token": csrf, "role": account.role.rawValue, "login": account.login,
                "module": orNull(account.module?.rawValue), "categories": account.categories,
                "expires_at": expires.iso8601,
            ])
            let maxAge = max(0, Int(expires.timeIntervalSinceNow))
            response.headers.add("Set-Cookie", desk.sessionCookie(token, maxAge: maxAge))
            response.headers.add("Cache-Control", "no-store")
            return response
        }
        group.post("/logout") { request, _ in
            if let token = try StaffAuthentication.tokenForChange(request, sessions: sessions) {
                try pool.withConnection { try AccountStore.revoke(token: token, on: $0) }
            }
            var response = HTTPResponse(status: 204)
            response.headers.add("Set-Cookie", desk.sessionCookie("", maxAge: 0))
            return response
        }
    }
}
