import Casework
import Complaints
import Foundation
import HubStore
import Postgres
import Queue
import TestSupport
import Testing

/// A module takes a batch of submissions in at once, on a real schema.
struct CaseDeskDispatchTests {
    func submit(_ description: String, on pool: PostgresPool) throws -> ComplaintStore.Receipt {
        try pool.transaction { connection in
            try ComplaintStore.submit(try ComplaintSubmission(category: "pekerjaan-umum", description: description, channel: .web)
                .validated(on: connection), on: connection)
        }
    }

    func consumer(_ pool: PostgresPool) -> QueueConsumer {
        let desk = CaseDesk(module: .publicWorks, pool: pool)
        return QueueConsumer(pool: pool, queue: ModuleName.publicWorks.queue, batches: desk.dispatch)
    }

    @Test func aBatchOfSubmissionsIsTakenInEachWithItsDeadlineAndOneEvent() throws {
        let pool = PostgresPool(conninfo: try TestCluster.shared().migratedDatabase(), maximumConnections: 2)
        let receipts = try ["Jalan berlubang", "Saluran mampet", "Lampu jalan padam"].map { try submit($0, on: pool) }
        #expect(try consumer(pool).processBatch() == 3)
        let rows = try pool.query("""
            select c.status, c.due_at is not null as due,
                   (select count(*) from complaint_events e where e.complaint_id = c.id and e.kind = 'dispatched')::int as taken
              from complaints c where c.id = any($1::bigint[]) order by c.id
            """, [receipts.map { String($0.id) }])
        #expect(rows.map { $0["status"] } == ["dispatched", "dispatched", "dispatched"])
        #expect(rows.map { $0["due"] } == ["t", "t", "t"])
        #expect(rows.map { $0["taken"] } == ["1", "1", "1"])
    }

    @Test func twoMessagesOfOneCaseInABatchTakeItInOnce() throws {
        let pool = PostgresPool(conninfo: try TestCluster.shared().migratedDatabase(), maximumConnections: 2)
        let receipt = try submit("Trotoar ambles", on: pool)
        // A second delivery of the same news in the same batch (as a redelivery beside the original).
        try pool.transaction { connection in
            try MessageQueue.send(on: connection, queue: ModuleName.publicWorks.queue,
                                  json: MessageEnvelope.encode(ComplaintReceived(complaintID: receipt.id, trackingCode: receipt.trackingCode.value)))
        }
        #expect(try consumer(pool).processBatch() == 2)
        let taken = try pool.query("select count(*)::int as n from complaint_events where complaint_id = $1 and kind = 'dispatched'",
                                   [receipt.id])
        #expect(taken[0]["n"] == "1")
    }

    @Test func aMessageThatIsNoComplaintReceivedIsDeadLetteredAndTheBatchGoesThrough() throws {
        let pool = PostgresPool(conninfo: try TestCluster.shared().migratedDatabase(), maximumConnections: 2)
        let receipt = try submit("Pohon tumbang", on: pool)
        try pool.transaction { try MessageQueue.send(on: $0, queue: ModuleName.publicWorks.queue, json: #"{"type": "no.such.message"}"#) }
        #expect(try consumer(pool).processBatch() == 2)
        #expect(try pool.query("select status from complaints where id = $1", [receipt.id])[0]["status"] == "dispatched")
        #expect(try pool.query("select count(*)::int as n from queue_dead_letters")[0]["n"] == "1")
    }
}
