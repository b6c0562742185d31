import Complaints
import Foundation
import HubStore
import Postgres

/// `hubctl user add LOGIN --role ROLE [--module NAME] [--categories a,b] [--area KELURAHAN] [--sub-unit CODE]`.
enum UserCommand {
    static let usage = "usage: hubctl user add LOGIN --role ROLE [--module NAME] [--categories a,b] [--area K] [--sub-unit CODE]"

    static func run(_ arguments: [String], connection: PostgresConnection) throws {
        guard arguments.first == "add", arguments.count >= 2 else {
            throw HubctlError(message: usage, exitCode: 2)
        }
        let login = arguments[1]
        let options = try CommandOptions.parse(arguments, from: 2, allowed: ["--role", "--module", "--categories", "--area", "--sub-unit"],
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
        guard let password = readLine(strippingNewline: true), !password.isEmpty else {
            throw HubctlError(message: "give the password on standard input", exitCode: 2)
        }
        do {
            let account = try AccountStore.create(login: login, password: password, role: role, module: module,
                                                  categories: categories, area: options["--area"], subUnit: options["--sub-unit"],
                                                  on: connection)
            print("created \(account.role.rawValue) \(account.login)" + (account.module.map { " in \($0.rawValue)" } ?? ""))
        } catch let error as AccountStore.AccountError {
            throw HubctlError(message: error.description)
        }
    }
}
