import Complaints
import Foundation
import Postgres

/// `hubctl demo-data --complaints N [--seed S]`: fills a migrated database with N realistic
/// complaints for trying the hub and for measuring it at scale (DemoCaseGenerator says what they are).
enum DemoDataCommand {
    static let usage = "usage: hubctl demo-data --complaints N [--seed S]"

    static func run(_ arguments: [String], connection: PostgresConnection) throws {
        let options = try CommandOptions.parse(arguments, from: 0, allowed: ["--complaints", "--seed"], usage: usage)
        guard let count = options["--complaints"].flatMap(Int.init), count > 0, count <= 100_000_000 else {
            throw HubctlError(message: "--complaints takes a number of complaints from 1\n" + usage, exitCode: 2)
        }
        guard let seed = options["--seed"].map({ UInt64($0) }) ?? UInt64(1) else {
            throw HubctlError(message: "--seed takes a whole number from 0\n" + usage, exitCode: 2)
        }
        let started = Date()
        let summary: DemoDataWriter.Summary
        do {
            summary = try DemoDataWriter.write(count: count, seed: seed, until: Date(), on: connection)
        } catch let error as PostgresError where error.kind == .uniqueViolation && error.constraintName?.hasPrefix("complaints_tracking_code") == true {
            throw HubctlError(message: "the complaints of seed \(seed) are in this database already (nothing stored): use another --seed")
        }
        print("stored \(count) demo complaints (seed \(seed), ids from \(summary.firstID)), \(summary.events) timeline events, "
              + "\(summary.photos) photos, in \(String(format: "%.1f", Date().timeIntervalSince(started))) s; analyzed")
        for status in ComplaintStatus.allCases where summary.byStatus[status] != nil {
            print("  \(status.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)) \(summary.byStatus[status]!)")
        }
    }
}
