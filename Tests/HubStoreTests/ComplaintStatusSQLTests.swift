import Complaints
@testable import HubStore
import Postgres
import TestSupport
import Testing

/// The status conditions HubStore's SQL uses are the domain's rules, evaluated by PostgreSQL itself, and
/// the partial indexes over `complaints` hold exactly the rows those conditions select.
struct ComplaintStatusSQLTests {
    /// Whether `condition` (over a column `status`, and `overdue_step` 0) holds for each status.
    func holds(_ condition: String, on connection: PostgresConnection) throws -> [ComplaintStatus: Bool] {
        var result: [ComplaintStatus: Bool] = [:]
        for status in ComplaintStatus.allCases {
            result[status] = try connection.query("""
                select (\(condition)) as holds from (select $1::text as status, 0 as overdue_step) complaints
                """, [status.rawValue])[0].decode("holds", as: Bool.self)
        }
        return result
    }

    func indexPredicate(_ index: String, on connection: PostgresConnection) throws -> String {
        try connection.query("""
            select pg_get_expr(i.indpred, i.indrelid) as predicate
              from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = $1
            """, [index])[0].decode("predicate", as: String.self)
    }

    @Test func theOpenConditionSelectsExactlyTheOpenStatuses() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let open = try holds(ComplaintStatus.openCondition, on: connection)
        for status in ComplaintStatus.allCases { #expect(open[status] == status.isOpen, "\(status)") }
        #expect(ComplaintStatus.allCases.filter { open[$0] == true } == ComplaintStatus.openStatuses)
    }

    @Test func theOverdueConditionSelectsExactlyTheStatusesThatEscalate() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let escalates = try holds(ComplaintStatus.escalatesWhenOverdueCondition, on: connection)
        for status in ComplaintStatus.allCases { #expect(escalates[status] == status.escalatesWhenOverdue, "\(status)") }
    }

    @Test func theDuplicateSearchIndexHoldsExactlyTheOpenCases() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let indexed = try holds(try indexPredicate("complaints_open_by_category", on: connection), on: connection)
        for status in ComplaintStatus.allCases { #expect(indexed[status] == status.isOpen, "\(status)") }
    }

    @Test func theOverdueIndexHoldsEveryCaseThatEscalates() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let indexed = try holds(try indexPredicate("complaints_overdue", on: connection), on: connection)
        // The index also holds resolved cases (their closing deadline); the sweep's condition narrows it.
        for status in ComplaintStatus.allCases where status.escalatesWhenOverdue { #expect(indexed[status] == true, "\(status)") }
    }
}
