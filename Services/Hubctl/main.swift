import Foundation

// hubctl: the operator's command. Configuration comes from the environment (HUB_DATABASE_URL).
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    try Hubctl.run(arguments)
} catch let error as HubctlError {
    FileHandle.standardError.write(Data("hubctl: \(error.message)\n".utf8))
    exit(error.exitCode)
} catch {
    FileHandle.standardError.write(Data("hubctl: \(error)\n".utf8))
    exit(1)
}
