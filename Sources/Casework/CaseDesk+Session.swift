import Foundation
import HTTP
import HubStore
import ServiceKit

extension CaseDesk {
    func installSessionRoutes(on router: inout Router) {
        let desk = self
        let pool = self.pool
        let throttle = loginThrottle
        router.post("/api/v1/staff/login") { request in
            let body = try request.jsonObject()
            guard let login = body["login"] as? String, let password = body["password"] as? String,
                  !login.isEmpty, !password.isEmpty else {
                throw HTTPError(400, "invalid_request", "send {\"login\": \"...\", \"password\": \"...\"}")
            }
            let outcome = try pool.transaction {
                try AccountStore.logIn(login: login, password: password, address: request.forwardedClientAddress,
                                       throttle: throttle, on: $0)
            }
            let (account, token, expires): (Account, String, Date)
            switch outcome {
            case .success(let found, let newToken, let until): (account, token, expires) = (found, newToken, until)
            case .invalid: throw HTTPError(401, "invalid_credentials", "login or password is wrong")
            case .throttled(let wait): throw StaffAuthentication.throttled(retryAfter: wait)
            }
            var response = HTTPResponse.json([
                "token": token, "role": account.role.rawValue, "login": account.login,
                "module": orNull(account.module?.rawValue), "categories": account.categories,
                "expires_at": expires.iso8601,
            ])
            let maxAge = max(0, Int(expires.timeIntervalSinceNow))
            response.headers.add("Set-Cookie", desk.sessionCookie(token, maxAge: maxAge))
            response.headers.add("Cache-Control", "no-store")
            return response
        }
        router.post("/api/v1/staff/logout") { request in
            if let token = StaffAuthentication.token(of: request) {
                try pool.withConnection { try AccountStore.revoke(token: token, on: $0) }
            }
            var response = HTTPResponse(status: 204)
            response.headers.add("Set-Cookie", desk.sessionCookie("", maxAge: 0))
            return response
        }
        router.get("/api/v1/staff/me") { request in
            let account = try StaffAuthentication.require(request, pool: pool)
            return .json(AccountRequest.json(account))
        }
    }
}
