import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

struct KirSlotStoreTests {
    func cases(_ count: Int, on connection: PostgresConnection) throws -> [Int64] {
        try (0..<count).map { index in
            let receipt = try connection.transaction {
                try ComplaintStore.submit(ComplaintSubmission(category: "perhubungan", description: "Uji KIR \(index)", channel: .web).validated(on: $0), on: $0)
            }
            return try #require(try CaseStore.find(receipt.trackingCode.value, on: connection)).id
        }
    }

    @Test func aSlotTakesNoMoreBookingsThanItsCapacityAndABookingMoves() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let (first, second) = try { (ids: [Int64]) in (ids[0], ids[1]) }(try cases(2, on: connection))
        let morning = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 86_400).rounded(.down))
        let small = try KirSlotStore.create(startsAt: morning, capacity: 1, on: connection)
        let large = try KirSlotStore.create(startsAt: morning.addingTimeInterval(3600), capacity: 5, on: connection)

        #expect(try connection.transaction { try KirSlotStore.book(complaint: first, into: small, on: $0) } == morning)
        #expect(throws: KirSlotStore.BookingError.full) { try connection.transaction { try KirSlotStore.book(complaint: second, into: small, on: $0) } }
        #expect(throws: KirSlotStore.BookingError.noSuchSlot) { try connection.transaction { try KirSlotStore.book(complaint: second, into: 999_999, on: $0) } }
        // Booking the same case again into its own full slot is not a second booking.
        _ = try connection.transaction { try KirSlotStore.book(complaint: first, into: small, on: $0) }
        _ = try connection.transaction { try KirSlotStore.book(complaint: first, into: large, on: $0) }

        let slots = try KirSlotStore.recent(on: connection)
        #expect(slots.map(\.id) == [small, large])
        #expect(slots.map(\.booked) == [0, 1], "the case moved to the later slot")
        #expect(slots.map(\.free) == [1, 4])
    }

    @Test func twoSlotsCannotStartAtTheSameMoment() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let moment = Date().addingTimeInterval(86_400)
        _ = try KirSlotStore.create(startsAt: moment, capacity: 2, on: connection)
        #expect { try KirSlotStore.create(startsAt: moment, capacity: 3, on: connection) } throws: { error in
            (error as? PostgresError)?.kind == .uniqueViolation
        }
    }
}
