@testable import HubStore
import Postgres
import TestSupport
import Testing

/// The sweep that ends unanswered waits reads the waiting cases only, however many overdue open
/// cases the module has, with the plan its prepared statement ends up with (generic).
struct OverdueSweeperPlanTests {
    @Test func theUnansweredWaitsAreFoundWithoutWalkingEveryOverdueCase() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        try connection.execute("""
            insert into complaints (tracking_code, category_code, module_code, agency_code, channel_code, status, due_at,
                                    description, kelurahan, anonymous, confidential)
            select upper('ABD' || lpad(to_hex(g), 10, '0')), r.category_code, r.module_code, r.agency_code, 'api',
                   case when g % 500 = 0 then 'resolved' else 'in_progress' end, now() - interval '1 day',
                   'Laporan lewat tenggat ' || g, 'Sukamaju', true, false
              from generate_series(1, 5000) g, (select * from category_routes order by category_code limit 1) r;
            analyze complaints;
            set plan_cache_mode = force_generic_plan;
            prepare sweep(text, timestamptz, int) as \(OverdueSweeper.SQL.unansweredCandidates);
            """)
        let plan = try connection.query("explain (costs off) execute sweep('x', now(), 100)")
            .map { row -> String in try row.decode("QUERY PLAN") }
            .joined(separator: "\n")
        #expect(plan.contains("complaints_unanswered"), "\(plan)")
        let module: String = try connection.query("select module_code from category_routes order by category_code limit 1")[0].decode("module_code")
        let found = try connection.query("execute sweep(\(try connection.escapedLiteral(module)), now(), 100)")
        #expect(found.count == 10, "the ten resolved cases, none of the others")
    }
}
