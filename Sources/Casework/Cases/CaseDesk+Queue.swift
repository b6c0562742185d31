import Complaints
import Foundation
import HTTP
import HubStore

/// An account's work queue as the filter chose it: the one outcome the JSON route and the queue page render.
struct QueueView {
    let filter: QueueFilter
    let order: QueueOrder
    let page: QueuePage
    /// In `order`.
    let entries: [QueueEntry]
    let counts: QueueCounts
    /// When the queue was read: what is overdue is overdue at this time.
    let now: Date

    /// `GET /api/v1/staff/queue`'s body.
    var json: JSONValue {
        var byStatus: [String: JSONValue] = [:]
        var capped: [JSONValue] = []
        for status in ComplaintStatus.allCases {
            guard let count = counts.byStatus[status] else { continue }
            byStatus[status.rawValue] = .integer(QueueCounts.shown(count))
            if QueueCounts.isCapped(count) { capped.append(.string(status.rawValue)) }
        }
        if QueueCounts.isCapped(counts.overdue) { capped.append("overdue") }
        return ["cases": .array(entries.map { CaseJSON.queueItem($0, now: now) }), "count": .integer(entries.count),
                "total": .integer(QueueCounts.shown(counts.total)), "total_capped": .bool(QueueCounts.isCapped(counts.total)),
                "page": .integer(page.number), "page_size": .integer(page.size), "sort": .string(order.rawValue),
                "counts": ["by_status": .object(byStatus), "overdue": .integer(QueueCounts.shown(counts.overdue)),
                           "capped": .array(capped), "cap": .integer(QueueCounts.cap)]]
    }
}

extension CaseDesk {
    /// The account's work queue under the filters, order and page of `query`.
    /// - Parameter pageSize: the page size when the query names none.
    /// - Throws: `Refusal` 400/403 for a filter, an order or a page that is malformed or outside the
    ///   account's scope (`QueueRequest`).
    func queue(for account: Account, query: (String) -> String?, pageSize: Int = QueuePage.largestSize) throws -> QueueView {
        let filter = try QueueRequest.filter(for: account, query: query, exists: referenceExists)
        let page = try QueueRequest.page(query: query, defaultSize: pageSize)
        let order = try QueueRequest.order(query: query)
        let now = Date()
        let read = try pool.withConnection { try CaseStore.queueWithCounts(filter, page: page, order: order, now: now, on: $0) }
        return QueueView(filter: filter, order: order, page: page, entries: read.entries, counts: read.counts, now: now)
    }
}
