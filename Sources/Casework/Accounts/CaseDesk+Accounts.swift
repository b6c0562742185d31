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
        let desk = self
        /// The signed-in account, when it manages any accounts; checked before the body is read.
        @Sendable func manager(_ context: RequestContext) throws -> Account {
            let account = try context.staffAccount()
            guard account.manager.managesAccounts else { throw Refusal.accountsManagersOnly }
            return account
        }
        group.get("/accounts") { _, context in
            let manager = try manager(context).manager
            let accounts = try pool.withConnection { try AccountStore.list(roles: Self.listedRoles(for: manager), on: $0) }
            return .json(["accounts": .array(accounts.map(AccountRequest.managedJSON))])
        }
        group.post("/accounts") { request, context in
            let manager = try manager(context).manager
            let created = try desk.createAccount(try AccountRequest.fields(json: try request.jsonBody()), by: Acting(manager, through: request))
            return .json(AccountRequest.json(created), status: 201)
        }
        group.add("PATCH", "/accounts/{login}") { request, context in
            let manager = try manager(context).manager
            guard case .bool(let active)? = try request.jsonBody().members["active"] else {
                throw Refusal.activeRequired
            }
            let change = try desk.changeAccount(request.pathParameter("login", as: String.self) ?? "", .setActive(active),
                                                by: Acting(manager, through: request))
            return .json(AccountRequest.managedJSON(change.account))
        }
        group.post("/accounts/{login}/password") { request, context in
            let manager = try manager(context).manager
            guard let password = try request.jsonBody().members["password"]?.text, !password.isEmpty else {
                throw Refusal.newPasswordRequired
            }
            let change = try desk.changeAccount(request.pathParameter("login", as: String.self) ?? "", .password(password),
                                                by: Acting(manager, through: request))
            return .json(AccountRequest.json(change))
        }
        group.post("/accounts/{login}/revoke-sessions") { request, context in
            let manager = try manager(context).manager
            // No body is needed; one that is sent must still be a JSON object, as on the case actions.
            if !request.body.isEmpty { _ = try request.jsonBody() }
            let change = try desk.changeAccount(request.pathParameter("login", as: String.self) ?? "", .revokeSessions,
                                                by: Acting(manager, through: request))
            return .json(AccountRequest.json(change))
        }
    }

    /// Creating an account, the one use case behind the JSON API and the accounts page: checked,
    /// created and audited in one transaction.
    /// - Throws: `Refusal` as `AccountRequest.create`.
    func createAccount(_ fields: [String: String], by acting: Acting<AccountManager>) throws -> Account {
        try pool.transaction { connection -> Account in
            let account = try AccountRequest.create(fields, by: acting.who, on: connection)
            try AccountRequest.audit(account, by: acting, on: connection)
            return account
        }
    }

    /// Changing an account, the one use case behind the JSON API and the accounts page's buttons.
    /// - Throws: `Refusal` as `AccountRequest.apply`.
    func changeAccount(_ login: String, _ change: AccountRequest.Change, by acting: Acting<AccountManager>) throws -> AccountStore.Change {
        try pool.transaction { try AccountRequest.apply(change, to: login, by: acting, on: $0) }
    }

    /// The accounts a manager is shown: every account to admins (inspectors' too, which they cannot
    /// change), only inspector accounts to inspectors.
    static func listedRoles(for manager: AccountManager) -> [Role]? {
        manager.manages(.inspector) && !manager.manages(.admin) ? manager.managedRoles : nil
    }
}
