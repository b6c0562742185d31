import Foundation
import Glibc
import TestSupport
import Testing

/// A service given a bad value stops at start, before it listens, with one line per variable on
/// standard error naming it and what it expects; values that were once silently replaced by their
/// default stop it too.
struct StartupConfigurationTests {
    /// Runs `service` against a migrated database with `variables` added, for at most `seconds`.
    /// - Returns: its exit status (nil when it was still running and had to be stopped) and its output.
    func start(_ service: String, _ variables: [String: String], seconds: Double = 15) throws -> (status: Int32?, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RunningHub.binDirectory + "/" + service)
        var environment = ProcessInfo.processInfo.environment
        environment["HUB_DATABASE_URL"] = try TestCluster.shared().migratedDatabase()
        environment["HUB_EXIT_WITH_PARENT"] = "1"
        for service in RunningHub.serviceNames {
            environment["HUB_\(service.uppercased().replacingOccurrences(of: "-", with: "_"))_PORT"] = String(try FreePort.find())
        }
        for (name, value) in variables { environment[name] = value }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        let stopped = process.isRunning
        if stopped { kill(process.processIdentifier, SIGTERM) }
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (stopped ? nil : process.terminationStatus, text)
    }

    @Test func aBadValueStopsTheServiceBeforeItListensNamingEveryVariable() throws {
        let (status, output) = try start("gateway", ["HUB_GATEWAY_PORT": "abc", "HUB_TRUSTED_PROXIES": "nonsense"])
        #expect(status == 1, "\(output)")
        #expect(output.contains("gateway: HUB_GATEWAY_PORT must be an integer in 0...65535, got abc\n"), "\(output)")
        #expect(output.contains("gateway: HUB_TRUSTED_PROXIES: \"nonsense\" is not an IPv4 or IPv6 address or CIDR range"), "\(output)")
        #expect(!output.contains("listening"), "\(output)")
    }

    @Test func valuesOnceSilentlyReplacedByTheirDefaultStopTheService() throws {
        let (status, output) = try start("intake", ["HUB_STARTUP_WAIT": "soon", "HUB_QUEUE_LEASE_SECONDS": "half a minute",
                                                    "HUB_SWEEP_SECONDS": "0", "HUB_OPEN311_ENDPOINT_TYPE": "prod"])
        #expect(status == 1, "intake must stop, not run on defaults: \(output)")
        for line in ["intake: HUB_STARTUP_WAIT must be an integer in 0...3600, got soon",
                     "intake: HUB_QUEUE_LEASE_SECONDS must be an integer in 1...3600, got half a minute",
                     "intake: HUB_SWEEP_SECONDS must be an integer in 1...86400, got 0",
                     "intake: HUB_OPEN311_ENDPOINT_TYPE must be production (the default) or test, got prod"] {
            #expect(output.contains(line + "\n"), "\(line): \(output)")
        }
        #expect(!output.contains("listening"), "\(output)")
    }

    @Test func hubctlNamesTheVariableItCannotRead() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["HUB_DATABASE_URL"] = "hots=127.0.0.1 dbname=hub password=rahasia"
        environment["HUB_MIGRATE_DATABASE_URL"] = nil
        let (status, output) = try RunningHub.hubctl(["schema"], environment: environment)
        #expect(status == 1, "\(output)")
        #expect(output.hasPrefix("hubctl: HUB_DATABASE_URL must be a libpq connection string such as "), "\(output)")
        #expect(!output.contains("rahasia"), "\(output)")
    }
}
