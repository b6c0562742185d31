import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

/// The statistics' rollup in PostgreSQL: the trigger marks what changed, the refresher measures only
/// that, and the rollup's sums and exact medians equal the domain's figures of the same cases.
struct StatisticsRefresherTests {
    /// Monday 2026-03-02 09:00 WIB.
    static let base = "2026-03-02 02:00:00+00"
    static let query = StatisticsQuery(from: LocalDay("2026-03-02")!, to: LocalDay("2026-03-15")!)

    /// A dispatched complaint received `hours` after `base`, verified and resolved after the hours given.
    @discardableResult
    func complaint(_ connection: PostgresConnection, code: String, status: String, verified: Double?, resolved: Double?,
                   rating: Int? = nil, confidential: Bool = false) throws -> Int64 {
        let id = try connection.query("""
            insert into complaints (tracking_code, category_code, module_code, agency_code, channel_code, status, description,
                                    confidential, citizen_rating, created_at)
            values ($1, 'pekerjaan-umum', 'public-works', 'dpupr', 'web', $2, 'uji', $3, $4::int, $5::timestamptz)
            returning id
            """, [code, status, confidential, rating, Self.base])[0].decode("id", as: Int64.self)
        var steps: [(String, Double, String, String)] = [("dispatched", 0, "received", "dispatched")]
        if let verified { steps.append(("verified", verified, "dispatched", "verified")) }
        if let resolved { steps.append(("resolved", resolved, "in_progress", "resolved")) }
        for (kind, hours, from, to) in steps {
            try connection.query("""
                insert into complaint_events (complaint_id, kind, at, actor_role, public, from_status, to_status)
                values ($1::bigint, $2, $3::timestamptz + make_interval(secs => $4::float8), 'staff', true, $5, $6)
                """, [id, kind, Self.base, hours * 3600, from, to])
        }
        return id
    }

    @Test func theRollupEqualsTheDomainsFiguresAndFollowsChanges() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        try complaint(connection, code: "STAT000000001", status: "closed", verified: 1, resolved: 10, rating: 5)
        try complaint(connection, code: "STAT000000002", status: "resolved", verified: 3, resolved: 30)
        let late = try complaint(connection, code: "STAT000000003", status: "closed", verified: 2, resolved: 300, rating: 3)
        try complaint(connection, code: "STAT000000004", status: "in_progress", verified: 5, resolved: nil, confidential: true)
        try complaint(connection, code: "STAT000000005", status: "duplicate", verified: nil, resolved: nil)
        #expect(try StatisticsRefresher.refreshAll(on: connection) == 5)

        let report = try StatisticsStore.report(Self.query, on: connection)
        let hour = 3600
        let domain = StatisticsFigures([
            figures(verify: 1 * hour, resolve: 10 * hour, within: true, rating: 5),
            figures(verify: 3 * hour, resolve: 30 * hour, within: true),
            figures(verify: 2 * hour, resolve: 300 * hour, within: false, rating: 3),
            figures(verify: 5 * hour, confidential: true),
        ])
        #expect(report.total == domain)
        #expect(report.total.received == 4 && report.total.medianHoursToVerify == 2.5 && report.total.withinDeadlineShare == 0.6667)
        #expect(report.categories.first { $0.code == "pekerjaan-umum" }?.figures == domain)
        #expect(report.weeks.map(\.received) == [4, 0])

        // Nothing changed: nothing to measure. A reopened case is marked by the trigger and measured again.
        #expect(try StatisticsRefresher.refresh(on: connection) == 0)
        try connection.query("update complaints set status = 'in_progress' where id = $1::bigint", [late])
        #expect(try StatisticsRefresher.refresh(on: connection) == 1)
        let after = try StatisticsStore.report(Self.query, on: connection).total
        #expect(after.resolved == 2 && after.withinDeadlineShare == 1 && after.medianHoursToResolve == 20)
    }

    func figures(verify: Int, resolve: Int? = nil, within: Bool? = nil, rating: Int? = nil, confidential: Bool = false) -> CaseFigures {
        CaseFigures(day: LocalDay("2026-03-02")!, agency: "dpupr", category: "pekerjaan-umum", kecamatan: nil, kelurahan: nil,
                    confidential: confidential, resolved: resolve != nil, withinDeadline: within, verifySeconds: verify,
                    resolveSeconds: resolve, rating: rating)
    }
}
