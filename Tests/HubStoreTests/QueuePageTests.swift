import Complaints
import Foundation
import HubStore
import Postgres
import ServiceKit
import TestSupport
import Testing

/// A queue's pages follow its order and do not overlap.
struct QueuePageTests {
    @Test func pagesOfAQueueFollowItsOrderWithoutOverlap() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        try connection.transaction { connection in
            for n in 1...5 {
                let submission = ComplaintSubmission(category: "pekerjaan-umum", description: "Lubang jalan nomor \(n)",
                                                     kelurahan: "Tegallega", channel: .api)
                _ = try ComplaintStore.submit(submission.validated(on: connection), on: connection)
            }
        }
        let filter = QueueFilter(module: .publicWorks)
        let whole = try CaseStore.queue(filter, on: connection).map(\.trackingCode)
        #expect(whole.count == 5)
        let pages = try (1...3).map { number in
            try CaseStore.queue(filter, page: try QueuePage(size: 2, number: number), on: connection).map(\.trackingCode)
        }
        #expect(pages.map(\.count) == [2, 2, 1])
        #expect(pages.flatMap { $0 } == whole, "the pages, one after another, are the queue")
    }
}
