@testable import HubStore
import Postgres
import TestSupport
import Testing

/// Open311's list of requests reads a page, not every case of a busy moment.
struct Open311StoreTests {
    /// Cases stored in one transaction share their moment (an import, a desk's batch); a page newest
    /// first must not read and sort all of them, with the plan the hub's prepared statement ends up
    /// with (generic, parameters unknown).
    @Test func aPageOfRequestsWalksTheIndexInItsOrderWhenManyCasesShareAMoment() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        try connection.execute("""
            insert into complaints (tracking_code, category_code, module_code, agency_code, channel_code, status,
                                    description, kelurahan, anonymous, confidential)
            select upper('ABC' || lpad(to_hex(g), 10, '0')), r.category_code, r.module_code, r.agency_code, 'api', 'received',
                   'Laporan serentak ' || g, 'Sukamaju', true, false
              from generate_series(1, 3000) g, (select * from category_routes order by category_code limit 1) r;
            analyze complaints;
            set plan_cache_mode = force_generic_plan;
            prepare page(text[], text[], timestamptz, timestamptz, int, int) as \(Open311Store.SQL.matching);
            """)
        let plan = try connection.query("explain (costs off) execute page('{}', '{}', now() - interval '90 days', now(), 50, 0)")
            .map { row -> String in try row.decode("QUERY PLAN") }
            .joined(separator: "\n")
        #expect(plan.contains("Index Scan Backward using complaints_newest_first"), "\(plan)")
        #expect(!plan.contains("Sort"), "the index gives the page its order: \(plan)")

        let newest = try connection.query("""
            select id from complaints order by created_at desc, id desc limit 50
            """).map { row -> Int64 in try row.decode("id") }
        let page = try connection.query("execute page('{}', '{}', now() - interval '90 days', now(), 50, 0)")
            .map { row -> Int64 in try row.decode("request_id") }
        #expect(page == newest)
    }
}
