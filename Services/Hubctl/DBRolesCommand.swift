import Foundation
import HubStore
import Postgres
import ServiceKit

/// `hubctl db-roles`: lets each service's own database role log in (migration 014 made them and
/// holds their grants). A role whose `HUB_DB_PASSWORD_<NAME>` is set gets that password (hashed
/// here, never sent in clear); the others keep theirs, or none where the cluster trusts local logins.
enum DBRolesCommand {
    static func run(_ arguments: [String], configuration: OperatorConfiguration, connection: PostgresConnection) throws {
        guard arguments.isEmpty else { throw HubctlError(message: "usage: hubctl db-roles", exitCode: 2) }
        var passwords: [ServiceRole: String] = [:]
        for role in ServiceRole.allCases {
            if let password = configuration.password(in: role.passwordVariable) { passwords[role] = password }
        }
        do {
            try ServiceRole.enableLogins(passwords: passwords, on: connection)
        } catch let error as ServiceRoleError {
            throw HubctlError(message: error.description)
        }
        for role in ServiceRole.allCases {
            print("\(role.rawValue)  login" + (passwords[role] == nil ? "  (password unchanged: \(role.passwordVariable) not set)" : "  password set"))
        }
    }
}
