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
        router.post("/api/v1/staff/logout") { request in
            if let token = try StaffAuthentication.tokenForChange(request, pool: pool) {
                try pool.withConnection { try AccountStore.revoke(token: token, on: $0) }
            }
            var response = HTTPResponse(status: 204)
            response.headers.add("Set-Cookie", desk.sessionCookie("", maxAge: 0))
            return response
        }
        router.get("/api/v1/staff/accounts") { request in
            let admin = try StaffAuthentication.require(request, pool: pool)
            guard admin.role == .admin else { throw HTTPError(403, "forbidden", "accounts are managed by admins") }
            let accounts = try pool.withConnection { try AccountStore.all(on: $0) }
            return .json(["accounts": accounts.map(AccountRequest.json)])
        }
        router.post("/api/v1/staff/accounts") { request in
            let admin = try StaffAuthentication.require(request, pool: pool)
            guard admin.role == .admin else { throw HTTPError(403, "forbidden", "accounts are managed by admins") }
            let body = try request.jsonObject()
            var fields: [String: String] = [:]
            for key in ["login", "password", "role", "module", "area", "sub_unit"] {
                guard let value = body[key], !(value is NSNull) else { continue }
                guard let text = value as? String else { throw HTTPError(400, "invalid_request", "\(key) must be a string") }
                fields[key] = text
            }
            if let value = body["categories"], !(value is NSNull) {
                guard let list = value as? [String] else { throw HTTPError(400, "invalid_request", "categories must be a list of codes") }
                fields["categories"] = list.joined(separator: ",")
            }
            let created = try pool.transaction { connection -> Account in
                let account = try AccountRequest.create(fields, on: connection)
                try AccountRequest.audit(account, by: admin, on: connection)
                return account
            }
            return .json(AccountRequest.json(created), status: 201)
        }
        router.get("/api/v1/staff/me") { request in
            let account = try StaffAuthentication.require(request, pool: pool)
            return .json(AccountRequest.json(account))
        }
    }
}
