import Foundation
import Glibc
import TestSupport
import Testing

/// Services started for tests stop by themselves when the process that started them is killed,
/// so a test run killed from outside (a timeout) leaves nothing running.
struct ServiceLifetimeTests {
    @Test func aServiceStopsWhenItsParentIsKilled() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let port = try FreePort.find()
        // A shell stands in for the test process: it starts intake, prints its pid, and waits.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "\"$0\" >/dev/null 2>&1 & echo $!; wait", RunningHub.binDirectory + "/intake"]
        var environment = ProcessInfo.processInfo.environment
        environment["HUB_DATABASE_URL"] = url
        environment["HUB_INTAKE_PORT"] = String(port)
        environment["HUB_EXIT_WITH_PARENT"] = "1"
        shell.environment = environment
        let output = Pipe()
        shell.standardOutput = output
        try shell.run()
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let pid = try #require(pid_t(line.trimmingCharacters(in: .whitespacesAndNewlines)))
        defer { kill(pid, SIGKILL) }

        // Running while its parent lives.
        usleep(1_500_000)
        #expect(kill(pid, 0) == 0, "intake is running")
        kill(shell.processIdentifier, SIGKILL)
        shell.waitUntilExit()
        let deadline = Date().addingTimeInterval(10)
        while kill(pid, 0) == 0 && Date() < deadline { usleep(100_000) }
        #expect(kill(pid, 0) != 0, "intake stopped after its parent was killed")
    }
}
