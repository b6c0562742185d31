import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

struct OverdueSweeperTests {
    /// Ten dispatched public-works cases; returns the connection string.
    func dispatchedCases(_ count: Int, at now: Date) throws -> String {
        let url = try TestCluster.shared().migratedDatabase()
        let connection = try PostgresConnection(conninfo: url)
        for index in 0..<count {
            try connection.transaction { connection in
                let receipt = try ComplaintStore.submit(
                    ComplaintSubmission(category: "pekerjaan-umum", description: "Jalan rusak \(index)", channel: .web).validated(on: connection), on: connection)
                try CaseStore.perform(.dispatch, on: receipt.trackingCode.value, by: .system, now: now,
                                      calendar: WorkingCalendar(), connection: connection)
            }
        }
        return url
    }

    func steps(_ url: String) throws -> [Int] {
        try PostgresConnection(conninfo: url).query("select overdue_step from complaints order by id")
            .map { try $0.decode("overdue_step", as: Int.self) }
    }

    @Test func overdueCasesEscalateOncePerStepEvenWithTwoSweepers() throws {
        let start = Date(timeIntervalSince1970: 1_795_417_200)  // Monday 2026-11-23 10:00 WIB
        let url = try dispatchedCases(10, at: start)
        let sweepers = [try PostgresConnection(conninfo: url), try PostgresConnection(conninfo: url)]

        func sweepTogether(at now: Date) throws -> Int {
            let results = Results()
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                results.add((try? OverdueSweeper.sweep(module: .publicWorks, now: now, limit: 3, on: sweepers[index]).escalated) ?? -1)
                results.add((try? OverdueSweeper.sweep(module: .publicWorks, now: now, on: sweepers[index]).escalated) ?? -1)
            }
            return results.total
        }

        #expect(try sweepTogether(at: start.addingTimeInterval(86_400)) == 0, "nothing is overdue within the deadline")
        let late = start.addingTimeInterval(6 * 86_400)   // past the 3 working days to verify
        #expect(try sweepTogether(at: late) == 10)
        #expect(try steps(url) == Array(repeating: 1, count: 10))
        #expect(try sweepTogether(at: late) == 0, "the first step happens once")
        let later = late.addingTimeInterval(5 * 86_400)  // past the supervisor's 2 working days
        #expect(try sweepTogether(at: later) == 10)
        #expect(try steps(url) == Array(repeating: 2, count: 10))
        #expect(try sweepTogether(at: later.addingTimeInterval(30 * 86_400)) == 0, "after the inspectors nothing escalates")

        let connection = try PostgresConnection(conninfo: url)
        let escalations = try connection.query("""
            select count(*)::int as n from complaint_events where kind = 'escalated' and public and actor_role = 'system'
            """)[0].decode("n", as: Int.self)
        #expect(escalations == 20)
        #expect(try connection.query("select count(*)::int as n from complaints where priority = 'urgent'")[0]
            .decode("n", as: Int.self) == 10)
    }

    @Test func postponedAndClosedCasesDoNotEscalate() throws {
        let start = Date(timeIntervalSince1970: 1_795_417_200)
        let url = try dispatchedCases(2, at: start)
        let connection = try PostgresConnection(conninfo: url)
        try connection.query("update complaints set status = 'postponed' where id = (select min(id) from complaints)")
        try connection.query("update complaints set status = 'closed' where id = (select max(id) from complaints)")
        #expect(try OverdueSweeper.sweep(module: .publicWorks, now: start.addingTimeInterval(30 * 86_400), on: connection)
            == OverdueSweeper.Outcome())
    }

    @Test func resolvedCasesCloseOnceWhenTheCitizenDoesNotAnswerEvenWithTwoSweepers() throws {
        let start = Date(timeIntervalSince1970: 1_795_417_200)  // Monday 2026-11-23 10:00 WIB
        let url = try dispatchedCases(6, at: start)
        let connection = try PostgresConnection(conninfo: url)
        let staff = try AccountStore.create(login: "petugas.sweep", password: "sandi-rahasia-1", role: .staff,
                                            module: .publicWorks, on: connection)
        let codes = try connection.query("select tracking_code from complaints order by id")
            .map { try $0.decode("tracking_code", as: String.self) }
        let calendar = WorkingCalendar()
        for code in codes {
            try connection.transaction { connection in
                try CaseStore.perform(.claim, on: code, by: Acting(staff.actor), now: start, calendar: calendar, connection: connection)
                try CaseStore.perform(.resolve(note: "Sudah ditambal."), on: code, by: Acting(staff.actor), now: start,
                                      calendar: calendar, connection: connection)
            }
        }
        // The citizen of the first case reopens it, the second accepts: neither is closed by the clock.
        try connection.transaction { connection in
            try CaseStore.perform(.reopen(reason: "Masih berlubang.", rating: 1), on: codes[0], by: Acting(.citizen),
                                  now: start, calendar: calendar, connection: connection)
            try CaseStore.perform(.accept(rating: 5, comment: nil), on: codes[1], by: Acting(.citizen), now: start,
                                  calendar: calendar, connection: connection)
        }
        let sweepers = [try PostgresConnection(conninfo: url), try PostgresConnection(conninfo: url)]
        func closeTogether(at now: Date) -> Int {
            let results = Results()
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                results.add((try? OverdueSweeper.sweep(module: .publicWorks, now: now, limit: 2, on: sweepers[index]).closed) ?? -1)
                results.add((try? OverdueSweeper.sweep(module: .publicWorks, now: now, on: sweepers[index]).closed) ?? -1)
            }
            return results.total
        }
        // Ten working days from Monday 23 November end on Monday 7 December.
        #expect(closeTogether(at: start.addingTimeInterval(13 * 86_400)) == 0, "nine working days are not enough")
        #expect(closeTogether(at: start.addingTimeInterval(15 * 86_400)) == 4)
        #expect(closeTogether(at: start.addingTimeInterval(40 * 86_400)) == 0, "each case closes once")
        let statuses = try connection.query("select status, citizen_rating::int as rating from complaints order by id").map {
            "\(try $0.decode("status", as: String.self)):\(try $0.decode("rating", as: Int?.self).map(String.init) ?? "-")"
        }
        #expect(statuses == ["in_progress:1", "closed:5", "closed:-", "closed:-", "closed:-", "closed:-"])
        let closings = try connection.query("""
            select count(*)::int as n from complaint_events where kind = 'closed' and actor_role = 'system' and public
            """)[0].decode("n", as: Int.self)
        #expect(closings == 4)
    }
}

/// Sums results from concurrent sweeps.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int] = []
    func add(_ value: Int) { lock.lock(); values.append(value); lock.unlock() }
    var total: Int { lock.lock(); defer { lock.unlock() }; return values.contains(-1) ? -1 : values.reduce(0, +) }
}
