import Foundation
import TestSupport
import Testing

/// What a service holds in memory, from /proc: a module's peak resident set (what `make bench`
/// reports against issue 13's 24 MiB) is what it needs, not what a startup step held for a moment.
struct ServiceMemoryTests {
    /// A line of /proc/PID/status or smaps_rollup, in KiB.
    func kibibytes(_ field: String, in file: String) throws -> Int {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(field + ":") })
        return try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
    }

    @Test func aModuleThatSignsNobodyInNeverHoldsAPasswordHashsMemory() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url, services: ["public-works"])
        let pid = try #require(hub.processIdentifier("public-works"))
        let peak = try kibibytes("VmHWM", in: "/proc/\(pid)/status")
        let now = try kibibytes("Rss", in: "/proc/\(pid)/smaps_rollup")
        // Making a yescrypt hash holds 16 MiB for a moment; logins are intake's, and so is that cost.
        #expect(peak - now < 8 * 1024, "public-works peaked at \(peak) KiB resident, holds \(now) KiB")
    }
}
