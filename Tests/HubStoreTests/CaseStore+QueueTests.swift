import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

/// The queue as an officer works it: words and codes found, "mine" and "unassigned", the three
/// orders, the total and the holder's name, all in the one round trip of `queueWithCounts`.
struct CaseStoreQueueTests {
    struct Queue {
        let connection: PostgresConnection
        /// Tracking codes by the description's number.
        let codes: [String]
        let holder: Account
    }

    /// Three public-works cases: a streetlight on Jl. Merdeka (urgent, held), a pothole on
    /// Jl. Cempaka (made first), a blocked drain 50% full; deadlines in that order.
    func queue() throws -> Queue {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let holder = try AccountStore.create(login: "budi", password: "kata-sandi-panjang", role: .staff, module: .publicWorks,
                                             on: connection)
        var codes: [String] = []
        for (description, location) in [("Lampu jalan mati", "Jl. Merdeka 12"), ("Jalan berlubang", "Jl. Cempaka 5"),
                                         ("Got tersumbat 50% penuh", "Gang Mawar")] {
            let submission = ComplaintSubmission(category: "pekerjaan-umum", description: description, location: location,
                                                 kelurahan: "Tegallega", channel: .api)
            codes.append(try connection.transaction { try ComplaintStore.submit(submission.validated(on: $0), on: $0) }.trackingCode.value)
        }
        try connection.execute("""
            update complaints set due_at = now() + (case tracking_code when '\(codes[0])' then 1 when '\(codes[1])' then 2 else 3 end) * interval '1 day',
                   created_at = now() - (case tracking_code when '\(codes[1])' then 9 when '\(codes[0])' then 5 else 1 end) * interval '1 day',
                   priority = case tracking_code when '\(codes[2])' then 'urgent' else 'normal' end,
                   assigned_to = case tracking_code when '\(codes[0])' then \(holder.id) end
            """)
        return Queue(connection: connection, codes: codes, holder: holder)
    }

    func codes(_ queue: Queue, _ filter: QueueFilter, order: QueueOrder = .default) throws -> [String] {
        try CaseStore.queueWithCounts(filter, order: order, on: queue.connection).entries.map(\.stored.trackingCode)
    }

    @Test func wordsOfTheDescriptionOrTheLocationFindTheirCasesInAnyCase() throws {
        let queue = try queue()
        #expect(try codes(queue, QueueFilter(module: .publicWorks, search: try QueueSearch("LAMPU"))) == [queue.codes[0]])
        #expect(try codes(queue, QueueFilter(module: .publicWorks, search: try QueueSearch("cempaka"))) == [queue.codes[1]])
        #expect(try codes(queue, QueueFilter(module: .publicWorks, search: try QueueSearch("jl."))) == [queue.codes[0], queue.codes[1]])
        #expect(try codes(queue, QueueFilter(module: .publicWorks, search: try QueueSearch("tidak ada"))).isEmpty)
    }

    @Test func likeWildcardsInTheSearchStandForThemselves() throws {
        let queue = try queue()
        #expect(try codes(queue, QueueFilter(module: .publicWorks, search: try QueueSearch("50%"))) == [queue.codes[2]])
        #expect(try codes(queue, QueueFilter(module: .publicWorks, search: try QueueSearch("___"))).isEmpty)
    }

    @Test func aTrackingCodeFindsItsCaseHoweverItIsTyped() throws {
        let queue = try queue()
        let code = queue.codes[1]
        let typed = code.prefix(4).lowercased() + "-" + code.dropFirst(4).prefix(4) + " " + code.dropFirst(8)
        #expect(try codes(queue, QueueFilter(module: .publicWorks, search: try QueueSearch(String(typed)))) == [code])
    }

    @Test func mineListsTheHoldersCasesAndUnassignedTheRest() throws {
        let queue = try queue()
        #expect(try codes(queue, QueueFilter(module: .publicWorks, assignee: .account(queue.holder.id))) == [queue.codes[0]])
        #expect(try codes(queue, QueueFilter(module: .publicWorks, assignee: .nobody)) == [queue.codes[1], queue.codes[2]])
    }

    @Test func theQueueReadsInEachOrder() throws {
        let queue = try queue()
        let filter = QueueFilter(module: .publicWorks)
        #expect(try codes(queue, filter) == queue.codes, "soonest deadline first")
        #expect(try codes(queue, filter, order: .age) == [queue.codes[1], queue.codes[0], queue.codes[2]], "oldest first")
        #expect(try codes(queue, filter, order: .priority) == [queue.codes[2], queue.codes[0], queue.codes[1]], "most urgent first")
    }

    @Test func eachLineNamesItsHolderAndTheTotalCountsThePages() throws {
        let queue = try queue()
        let read = try CaseStore.queueWithCounts(QueueFilter(module: .publicWorks), page: try QueuePage(size: 2), on: queue.connection)
        #expect(read.entries.map(\.holder) == ["budi", nil])
        #expect(read.counts.total == 3, "the total counts every page, not this one")
        #expect(read.counts.byStatus.values.reduce(0, +) == 3)
        let searched = try CaseStore.queueWithCounts(QueueFilter(module: .publicWorks, search: try QueueSearch("jalan")),
                                                     on: queue.connection)
        #expect(searched.counts.total == 2)
    }

    @Test func countsStopPastTheCap() throws {
        let queue = try queue()
        try queue.connection.execute("""
            insert into complaints (tracking_code, category_code, module_code, agency_code, channel_code, status, priority, description, due_at)
            select upper(substr(md5(n::text), 1, 13)), category_code, module_code, agency_code, channel_code, 'verified', 'normal', 'salinan', now() - interval '1 day'
              from complaints, generate_series(1, \(QueueCounts.cap + 5)) as n where tracking_code = '\(queue.codes[0])'
            """)
        let counts = try CaseStore.queueCounts(QueueFilter(module: .publicWorks), on: queue.connection)
        #expect(counts.byStatus[.verified] == QueueCounts.cap + 1 && QueueCounts.isCapped(counts.total) && QueueCounts.isCapped(counts.overdue))
        #expect(QueueCounts.text(counts.total) == "1000+")
        let searched = try CaseStore.queueCounts(QueueFilter(module: .publicWorks, search: try QueueSearch("SALINAN")), on: queue.connection)
        #expect(searched.byStatus == [.verified: QueueCounts.cap + 1] && QueueCounts.isCapped(searched.total))
        let one = try CaseStore.queueCounts(QueueFilter(module: .publicWorks, search: try QueueSearch("lampu")), on: queue.connection)
        #expect(one.total == 1 && one.byStatus.values.reduce(0, +) == 1 && one.overdue == 0)
    }
}
