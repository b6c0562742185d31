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
        group.post("/login") { request, _ in
            switch try desk.logIn(LoginRequest(json: try request.jsonBody()), from: request.clientAddress) {
            case .signedIn(let session):
                var response = HTTPResponse.json(session.json)
                session.set(on: &response)
                return response
            case .invalid: throw Refusal.invalidCredentials
            case .throttled(let wait): throw StaffAuthentication.throttled(retryAfter: wait)
            }
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
