import Complaints
import Foundation
import HTTP
import HubStore

/// An account's work queue as the filter chose it: the one outcome the JSON route and the queue page render.
struct QueueView {
    let filter: QueueFilter
    /// Soonest deadline first.
    let cases: [Case]
    let counts: (byStatus: [ComplaintStatus: Int], overdue: Int)
    /// When the queue was read: what is overdue is overdue at this time.
    let now: Date

    /// `GET /api/v1/staff/queue`'s body.
    var json: JSONValue {
        var byStatus: [String: JSONValue] = [:]
        for (status, count) in counts.byStatus { byStatus[status.rawValue] = .integer(count) }
        return ["cases": .array(cases.map { CaseJSON.summary($0, now: now) }), "count": .integer(cases.count),
                "counts": ["by_status": .object(byStatus), "overdue": .integer(counts.overdue)]]
    }
}

extension CaseDesk {
    /// The account's work queue under the filters of `query`.
    /// - Throws: `Refusal` 400/403 for a filter or a page that is malformed or outside the account's
    ///   scope (`QueueRequest`).
    func queue(for account: Account, query: (String) -> String?) throws -> QueueView {
        let filter = try QueueRequest.filter(for: account, query: query, exists: referenceExists)
        let page = try QueueRequest.page(query: query)
        let now = Date()
        let read = try pool.withConnection { try CaseStore.queueWithCounts(filter, page: page, now: now, on: $0) }
        return QueueView(filter: filter, cases: read.cases, counts: read.counts, now: now)
    }
}
