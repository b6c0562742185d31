import HubStore
import Postgres

/// `hubctl sub-unit add CODE --agency A --name-id N --name-en N` and `hubctl sub-unit list [--agency A]`.
enum SubUnitCommand {
    static let usage = "usage: hubctl sub-unit add CODE --agency AGENCY --name-id NAME --name-en NAME | list [--agency AGENCY]"

    static func run(_ arguments: [String], connection: PostgresConnection) throws {
        switch arguments.first {
        case "list":
            let options = try CommandOptions.parse(arguments, from: 1, allowed: ["--agency"], usage: usage)
            for unit in try SubUnitStore.all(agency: options["--agency"], on: connection) {
                print("\(unit.code)\t\(unit.agency)\t\(unit.nameID)\t\(unit.nameEN)")
            }
        case "add" where arguments.count >= 2:
            let options = try CommandOptions.parse(arguments, from: 2, allowed: ["--agency", "--name-id", "--name-en"], usage: usage)
            guard let agency = options["--agency"], let nameID = options["--name-id"], let nameEN = options["--name-en"] else {
                throw HubctlError(message: "--agency, --name-id and --name-en are required\n" + usage, exitCode: 2)
            }
            do {
                let unit = try SubUnitStore.add(code: arguments[1], agency: agency, nameID: nameID, nameEN: nameEN, on: connection)
                print("added sub-unit \(unit.code) to \(unit.agency)")
            } catch let error as SubUnitStore.SubUnitError {
                throw HubctlError(message: error.description)
            }
        default:
            throw HubctlError(message: usage, exitCode: 2)
        }
    }
}
