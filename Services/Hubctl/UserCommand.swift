import Complaints
import Foundation
import HubStore
import Postgres

/// `hubctl user add LOGIN --role ROLE [--module NAME] [--categories a,b] [--area KELURAHAN]`.
enum UserCommand {
    static func run(_ arguments: [String], connection: PostgresConnection) throws {
        guard arguments.first == "add", arguments.count >= 2 else {
            throw HubctlError(message: "usage: hubctl user add LOGIN --role ROLE [--module NAME] [--categories a,b] [--area K]",
                              exitCode: 2)
        }
        let login = arguments[1]
        var options: [String: String] = [:]
        var index = 2
        while index < arguments.count {
            let flag = arguments[index]
            guard ["--role", "--module", "--categories", "--area"].contains(flag), index + 1 < arguments.count else {
                throw HubctlError(message: "unexpected argument \(flag)", exitCode: 2)
            }
            options[flag] = arguments[index + 1]
            index += 2
        }
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
        guard let password = readLine(strippingNewline: true), !password.isEmpty else {
            throw HubctlError(message: "give the password on standard input", exitCode: 2)
        }
        do {
            let account = try AccountStore.create(login: login, password: password, role: role, module: module,
                                                  categories: categories, area: options["--area"], on: connection)
            print("created \(account.role.rawValue) \(account.login)" + (account.module.map { " in \($0.rawValue)" } ?? ""))
        } catch let error as AccountStore.AccountError {
            throw HubctlError(message: error.description)
        }
    }
}
