import Foundation
import HubStore
import Postgres

/// `hubctl verified-reporter add NAME --position P [--kelurahan K] [--email E] [--phone P]` and
/// `hubctl verified-reporter list`.
enum VerifiedReporterCommand {
    static let usage = "usage: hubctl verified-reporter add NAME --position P [--kelurahan K] [--email E] [--phone P] | list"

    static func run(_ arguments: [String], connection: PostgresConnection) throws {
        switch arguments.first {
        case "list":
            for line in try VerifiedReporterStore.list(on: connection) { print(line) }
        case "add" where arguments.count >= 2:
            let options = try CommandOptions.parse(arguments, from: 2, allowed: ["--position", "--kelurahan", "--email", "--phone"],
                                                   usage: usage)
            guard let position = options["--position"] else { throw HubctlError(message: "--position is required\n" + usage, exitCode: 2) }
            guard options["--email"] != nil || options["--phone"] != nil else {
                throw HubctlError(message: "give --email or --phone: reports are matched by them", exitCode: 2)
            }
            do {
                let id = try VerifiedReporterStore.add(name: arguments[1], position: position, kelurahan: options["--kelurahan"],
                                                       email: options["--email"], phone: options["--phone"], on: connection)
                print("registered verified reporter \(id): \(arguments[1])")
            } catch let error as PostgresError where error.kind == .uniqueViolation {
                throw HubctlError(message: "that email or phone is already registered")
            } catch let error as PostgresError where error.kind == .checkViolation {
                throw HubctlError(message: "invalid registration: \(error)")
            }
        default:
            throw HubctlError(message: usage, exitCode: 2)
        }
    }
}
