import Complaints
import Foundation
import Postgres

/// The work queues: a page of open cases in the order asked for, with who holds each, and their
/// counts, each read through an index and bounded by the page or by `QueueCounts.cap`, so that
/// neither grows with the data (the indexes are migration 019's and 031's).
extension CaseStore {
    /// A page of a work queue: the open cases the filter lets through, in `order`.
    public static func queue(_ filter: QueueFilter, page: QueuePage = .first, order: QueueOrder = .default, now: Date = Date(),
                             on connection: PostgresConnection) throws -> [Case] {
        let statement = QueueSQL.page(filter, page: page, order: order, now: now)
        return try connection.query(statement.sql, statement.parameters).map(Case.init)
    }

    /// How many open cases the filter lets through per status (whatever status it asks for), how
    /// many of them are overdue, and how many the queue's pages hold, each up to `QueueCounts.cap`.
    public static func queueCounts(_ filter: QueueFilter, now: Date = Date(), on connection: PostgresConnection) throws -> QueueCounts {
        let statement = QueueSQL.counts(filter, now: now)
        return try counts(in: connection.query(statement.sql, statement.parameters))
    }

    /// The page and its counts in one round trip and one snapshot, so the counts are those of the page.
    public static func queueWithCounts(_ filter: QueueFilter, page: QueuePage = .first, order: QueueOrder = .default,
                                       now: Date = Date(), on connection: PostgresConnection) throws -> (entries: [QueueEntry], counts: QueueCounts) {
        let cases = QueueSQL.page(filter, page: page, order: order, now: now), tally = QueueSQL.counts(filter, now: now)
        let rows = try connection.pipeline { batch in
            batch.inOneSnapshot { reads in
                reads.query(cases.sql, cases.parameters)
                reads.query(tally.sql, tally.parameters)
            }
        }
        let entries = try rows[1].map { row in QueueEntry(try Case(row: row), holder: try row.decode("holder_name")) }
        return (entries, try counts(in: rows[2]))
    }

    /// The name the queue and the case page show for the account that holds a case, or nil when it is gone.
    public static func holderName(accountID: Int64, on connection: PostgresConnection) throws -> String? {
        try connection.query(QueueSQL.holderName, [accountID]).first.map { try $0.decode("name", as: String.self) }
    }

    private static func counts(in rows: PostgresRows) throws -> QueueCounts {
        var counts = QueueCounts()
        for row in rows {
            let name: String = try row.decode("name"), count: Int = try row.decode("n")
            switch name {
            case QueueSQL.overdueRow: counts.overdue = count
            case QueueSQL.totalRow: counts.total = count
            default:
                guard let status = ComplaintStatus(rawValue: name), count > 0 else { continue }
                counts.byStatus[status] = count
            }
        }
        return counts
    }
}
