import Complaints
import Foundation
import HubStore
import Postgres

/// `hubctl user add|list|disable|enable|reset-password|revoke-sessions`: the operator creates
/// accounts of every role (inspectors included) and can cut any account off. Changes are audited
/// with the role `operator`.
enum UserCommand {
    static let usage = """
        usage: hubctl user add LOGIN --role ROLE [--module NAME] [--categories a,b] [--area K] [--sub-unit CODE]
                                [--village CODE | --district CODE] [--name FULL_NAME] [--nip NIP]
               hubctl user list
               hubctl user disable|enable|revoke-sessions LOGIN
               hubctl user reset-password LOGIN      (the new password on standard input)
        """

    static func run(_ arguments: [String], connection: PostgresConnection) throws {
        switch (arguments.first, arguments.count) {
        case ("add", 2...): try add(arguments, connection: connection)
        case ("list", 1): try list(connection: connection)
        case ("disable", 2), ("enable", 2), ("reset-password", 2), ("revoke-sessions", 2):
            try change(arguments[0], login: arguments[1], connection: connection)
        default: throw HubctlError(message: usage, exitCode: 2)
        }
    }

    static func add(_ arguments: [String], connection: PostgresConnection) throws {
        let login = arguments[1]
        let options = try CommandOptions.parse(arguments, from: 2, allowed: ["--role", "--module", "--categories", "--area", "--sub-unit",
                                                                          "--village", "--district", "--name", "--nip"],
                                               usage: usage)
        guard let roleText = options["--role"], let role = Role(rawValue: roleText) else {
            throw HubctlError(message: "--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))", exitCode: 2)
        }
        var module: ModuleName?
        if let text = options["--module"] {
            guard let parsed = ModuleName(rawValue: text) else {
                throw HubctlError(message: "--module must be one of \(ModuleName.allCases.map(\.rawValue).joined(separator: ", "))",
                                  exitCode: 2)
            }
            module = parsed
        }
        let categories = options["--categories"].map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        let known = Set(try CategoryStore.all(connection).map(\.code))
        if let unknown = categories.first(where: { !known.contains($0) }) {
            throw HubctlError(message: "unknown category \(unknown)", exitCode: 2)
        }
        let region = try letterRegion(role, options)
        let password = try readPassword()
        do {
            let account = try connection.transaction { connection -> Account in
                let account = try AccountStore.create(login: login, password: password, role: role, module: module,
                                                      categories: categories, area: options["--area"], subUnit: options["--sub-unit"],
                                                      region: region, by: .operator, on: connection)
                if options["--name"] != nil || options["--nip"] != nil {
                    try OfficialStore.setParticulars(login: login, name: options["--name"], nip: options["--nip"], on: connection)
                }
                return account
            }
            print("created \(account.role.rawValue) \(account.login)" + (account.module.map { " in \($0.rawValue)" } ?? "")
                  + (account.region.map { " of \($0)" } ?? ""))
        } catch let error as AccountStore.AccountError {
            throw HubctlError(message: error.description)
        }
    }

    /// The region a letter role is bound to: `--village` for the village roles, `--district` for the
    /// district roles, neither for the others; `--name` and `--nip` (18 digits) only for letter roles.
    static func letterRegion(_ role: Role, _ options: [String: String]) throws -> String? {
        let position = LetterPosition(role: role)
        if let nip = options["--nip"], nip.count != 18 || !nip.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw HubctlError(message: "--nip must be the 18 digits of a civil servant's NIP", exitCode: 2)
        }
        guard let position else {
            if let flag = ["--village", "--district", "--name", "--nip"].first(where: { options[$0] != nil }) {
                throw HubctlError(message: "\(flag) is for the letter roles only", exitCode: 2)
            }
            return nil
        }
        let wanted = position.inVillage ? "--village" : "--district", other = position.inVillage ? "--district" : "--village"
        guard options[other] == nil, let region = options[wanted] else {
            throw HubctlError(message: "\(role.rawValue) accounts need \(wanted) CODE", exitCode: 2)
        }
        return region
    }

    /// Every account, disabled ones too, with the number of its live sessions.
    static func list(connection: PostgresConnection) throws {
        let accounts = try AccountStore.list(on: connection)
        let sessions = try AccountStore.liveSessionCounts(on: connection)
        let header = ["login", "role", "module", "categories", "area", "sub-unit", "status", "sessions"]
        let rows = accounts.map { account in
            [account.login, account.role.rawValue, account.module?.rawValue ?? "-",
             account.categories.isEmpty ? "-" : account.categories.joined(separator: ","), account.area ?? "-",
             account.subUnit ?? "-", account.active ? "active" : "disabled", String(sessions[account.id] ?? 0)]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
        for row in [header] + rows {
            print(row.enumerated().map { column, text in text.padding(toLength: widths[column], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
    }

    static func change(_ verb: String, login: String, connection: PostgresConnection) throws {
        let password = verb == "reset-password" ? try readPassword() : nil
        do {
            let change = try connection.transaction { connection -> AccountStore.Change in
                switch verb {
                case "disable": return try AccountStore.setActive(false, login: login, by: .operator, on: connection)
                case "enable": return try AccountStore.setActive(true, login: login, by: .operator, on: connection)
                case "reset-password":
                    return try AccountStore.resetPassword(login: login, to: password ?? "", by: .operator, on: connection)
                default: return try AccountStore.revokeSessions(login: login, by: .operator, on: connection)
                }
            }
            let done = ["disable": "disabled", "enable": "enabled", "reset-password": "new password for", "revoke-sessions": "sessions of"]
            print("\(done[verb] ?? verb) \(change.account.login); \(change.sessionsEnded) session(s) ended")
        } catch let error as AccountStore.AccountError {
            throw HubctlError(message: error.description)
        }
    }

    /// The first line of standard input.
    static func readPassword() throws -> String {
        guard let password = readLine(strippingNewline: true), !password.isEmpty else {
            throw HubctlError(message: "give the password on standard input", exitCode: 2)
        }
        return password
    }
}
