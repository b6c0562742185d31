import Complaints
import Foundation
import Postgres

/// The queue's statements, written from a filter's conditions (`QueueFilter.conditions`).
enum QueueSQL {
    /// The row names of the counts statement besides the statuses.
    static let overdueRow = "overdue", totalRow = "total"

    /// The urgency of a case as a number, most urgent first; migration 031's priority index is on
    /// this very expression.
    static let priorityRank = "array_position(array['urgent', 'high', 'normal', 'low'], priority)"

    static func orderBy(_ order: QueueOrder) -> String {
        switch order {
        case .deadline: return "due_at nulls last, \(priorityRank), created_at, id"
        case .age: return "created_at, id"
        case .priority: return "\(priorityRank), due_at nulls last, created_at, id"
        }
    }

    static func page(_ filter: QueueFilter, page: QueuePage, order: QueueOrder, now: Date)
        -> (sql: String, parameters: [any PostgresEncodable]) {
        var conditions = filter.conditions(now: now)
        let limit = conditions.bind(page.size)
        let offset = conditions.bind(page.offset)
        // The holder's name for the page's cases only: a key lookup per line, not a join over the queue.
        return ("""
            select \(Case.columns),
                   (select \(holderNameColumn) from staff_accounts where id = complaints.assigned_to) as holder_name
              from complaints
             where \(conditions.sql)
             order by \(orderBy(order))
             limit \(limit) offset \(offset)
            """, conditions.parameters)
    }

    /// One row per open status, one for the overdue cases and one for the total (the status asked
    /// for included), each counted up to `QueueCounts.cap + 1` rows. Without a search each is a walk
    /// of an index range in the index's order, which stops at the cap: the statuses' through
    /// migration 031's (status, module_code, due_at) index, the overdue and the total through 019's
    /// (module_code, due_at) (`order by due_at` keeps the planner from a bitmap scan, which would
    /// read the whole range before the limit). A search's matches come from the text index in one
    /// pass, the first `searchScan` of them, and are counted from there.
    static func counts(_ filter: QueueFilter, now: Date) -> (sql: String, parameters: [any PostgresEncodable]) {
        var conditions = filter.conditions(now: now, ignoringStatus: true)
        let statuses = conditions.bind(ComplaintStatus.openStatuses.map(\.rawValue))
        let late = conditions.bind(now)
        let cap = conditions.bind(QueueCounts.cap + 1)
        let asked = filter.status.map { " and status = \(conditions.bind($0.rawValue))" } ?? ""
        let matched = filter.search == nil ? "" : """
            with matched as materialized (
                select status, due_at from complaints where \(conditions.sql) limit \(conditions.bind(searchScan)))

            """
        func capped(_ extra: String) -> String {
            filter.search == nil
                ? "(select count(*)::int from (select from complaints where \(conditions.sql)\(extra) order by due_at limit \(cap)) as capped)"
                : "(select count(*)::int from (select from matched where true\(extra) limit \(cap)) as capped)"
        }
        return (matched + """
            select asked.status as name, \(capped(" and status = asked.status")) as n
              from unnest(\(statuses)::text[]) as asked(status)
            union all
            select '\(overdueRow)', \(capped(" and due_at < \(late)::timestamptz"))
            union all
            select '\(totalRow)', \(capped(asked))
            """, conditions.parameters)
    }

    /// How many of a search's matches its counts read: past them, every count of the search is a lower bound.
    static let searchScan = 10 * QueueCounts.cap

    /// The name a holder is shown by: their full name, else their login.
    static let holderNameColumn = "coalesce(full_name, login)"

    static let holderName = "select \(holderNameColumn) as name from staff_accounts where id = $1"
}
