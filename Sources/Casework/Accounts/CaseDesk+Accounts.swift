import Complaints
import Foundation
import HTTP
import HubStore
import ServiceKit

/// The accounts JSON API under `/api/v1/staff/accounts`: admins manage every role but inspector,
/// inspectors manage inspector accounts (see `AccountManager`). Each change is audited.
extension CaseDesk {
    func installAccountRoutes(on group: inout RouterGroup) {
        let pool = self.pool
        /// The signed-in account, when it manages any accounts; checked before the body is read.
        @Sendable func manager(_ context: RequestContext) throws -> Account {
            let account = try context.staffAccount()
            guard account.manager.managesAccounts else {
                throw HTTPError(403, "forbidden", "accounts are managed by admins, and inspector accounts by inspectors")
            }
            return account
        }
        group.get("/accounts") { _, context in
            let manager = try manager(context).manager
            let accounts = try pool.withConnection { try AccountStore.list(roles: Self.listedRoles(for: manager), on: $0) }
            return .json(["accounts": accounts.map(AccountRequest.managedJSON)])
        }
        group.post("/accounts") { request, context in
            let manager = try manager(context).manager
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
                let account = try AccountRequest.create(fields, by: manager, on: connection)
                try AccountRequest.audit(account, by: Acting(manager, through: request), on: connection)
                return account
            }
            return .json(AccountRequest.json(created), status: 201)
        }
        group.add("PATCH", "/accounts/{login}") { request, context in
            let manager = try manager(context).manager
            guard let active = JSONField.bool(try request.jsonObject()["active"]) else {
                throw HTTPError(400, "invalid_request", "send {\"active\": false} or {\"active\": true}")
            }
            let change = try pool.transaction {
                try AccountRequest.apply(.setActive(active), to: request.pathParameter("login", as: String.self) ?? "", by: Acting(manager, through: request), on: $0)
            }
            return .json(AccountRequest.managedJSON(change.account))
        }
        group.post("/accounts/{login}/password") { request, context in
            let manager = try manager(context).manager
            guard let password = try request.jsonObject()["password"] as? String, !password.isEmpty else {
                throw HTTPError(400, "invalid_request", "send {\"password\": \"...\"}")
            }
            let change = try pool.transaction {
                try AccountRequest.apply(.password(password), to: request.pathParameter("login", as: String.self) ?? "",
                                         by: Acting(manager, through: request), on: $0)
            }
            return .json(["login": change.account.login, "sessions_ended": change.sessionsEnded])
        }
        group.post("/accounts/{login}/revoke-sessions") { request, context in
            let manager = try manager(context).manager
            // No body is needed; one that is sent must still be a JSON object, as on the case actions.
            if !request.body.isEmpty { _ = try request.jsonObject() }
            let change = try pool.transaction {
                try AccountRequest.apply(.revokeSessions, to: request.pathParameter("login", as: String.self) ?? "", by: Acting(manager, through: request), on: $0)
            }
            return .json(["login": change.account.login, "sessions_ended": change.sessionsEnded])
        }
    }

    /// The accounts a manager is shown: every account to admins (inspectors' too, which they cannot
    /// change), only inspector accounts to inspectors.
    static func listedRoles(for manager: AccountManager) -> [Role]? {
        manager.manages(.inspector) && !manager.manages(.admin) ? manager.managedRoles : nil
    }
}
