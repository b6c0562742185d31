import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

/// A submission costs two round trips, its COMMIT and the wake-up included: one reads what storing
/// it needs, one writes it (issue 13). Counted on the connection, not timed.
struct ComplaintStoreRoundTripTests {
    static let png = try! Photo(bytes: [UInt8](Data(base64Encoded:
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC")!))

    /// The round trips `body` takes on `connection`.
    func trips<T>(_ connection: PostgresConnection, _ body: () throws -> T) throws -> (value: T, trips: Int) {
        let before = connection.roundTrips
        let value = try body()
        return (value, connection.roundTrips - before)
    }

    func submit(_ submission: ComplaintSubmission, key: String? = nil, on connection: PostgresConnection) throws
        -> (value: ComplaintStore.Receipt, trips: Int) {
        let valid = try submission.validated(on: connection)
        let idempotency = ComplaintStore.IdempotencyKey(scope: "api", key: key)
        return try trips(connection) {
            try connection.transaction { try ComplaintStore.submit(valid, idempotency: idempotency, on: $0) }
        }
    }

    @Test func aSubmissionWithItsReporterPhotosAndKeyTakesTwoRoundTrips() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let submission = ComplaintSubmission(category: "pekerjaan-umum", description: "Jalan berlubang di depan pasar",
                                             location: "Jl. Pasar Baru", lat: -6.2, lon: 106.8,
                                             contact: Contact(name: "Ani", phone: "+6281234567890"), channel: .api,
                                             photos: [Self.png])
        let stored = try submit(submission, key: "satu", on: connection)
        #expect(stored.trips == 2)
        #expect(!stored.value.replayed)
        #expect(try connection.query("select 1 from complaint_photos").count == 1)
        #expect(try connection.query("select 1 from complaint_reporters").count == 1)
        #expect(try connection.query("select queue from queue_messages order by queue").map { $0["queue"] }
                == ["module.public-works", "notify.reporter"], "the module's work and the reporter's notice")

        let duplicate = try submit(ComplaintSubmission(category: "pekerjaan-umum", description: "Lubang yang sama",
                                                       lat: -6.2, lon: 106.8, channel: .api), on: connection)
        #expect(duplicate.trips == 2, "a duplicate is linked in the same two")
        #expect(duplicate.value.joined == stored.value.trackingCode.value)

        let replay = try submit(submission, key: "satu", on: connection)
        #expect(replay.value.replayed && replay.value.trackingCode == stored.value.trackingCode)
        #expect(replay.trips <= 2)
    }

    @Test func aSubmissionAndItsPublicViewTakeTwoRoundTrips() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let valid = try ComplaintSubmission(category: "kesehatan", description: "Antrean puskesmas panjang", channel: .web)
            .validated(on: connection)
        let (stored, trips) = try trips(connection) {
            try connection.transaction({ try ComplaintStore.submit(valid, on: $0) }, thenReading: { receipt, batch in
                PublicCase.queueLoad(receipt.trackingCode.value, into: &batch)
            })
        }
        #expect(trips == 2)
        let view = try #require(try PublicCase.loaded(from: stored.rows))
        #expect(view.trackingCode == stored.value.trackingCode.value)
        #expect(view.status == .received)
        #expect(view.timeline.map(\.kind) == [.submitted])
    }
}
