import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

/// The photo allowance per client address per day, kept in PostgreSQL so replicas share it.
struct PhotoQuotaTests {
    static let png = try! Photo(bytes: [UInt8](Data(base64Encoded:
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC")!))

    @Test func chargesUpToTheAllowanceThenRefusesWithoutChargingAndOtherAddressesAreApart() throws {
        let url = try TestCluster.shared().migratedDatabase()
        // Two connections stand for two replicas of a service.
        let first = try PostgresConnection(conninfo: url)
        let second = try PostgresConnection(conninfo: url)
        let size = Self.png.bytes.count
        let quota = PhotoQuota(bytesPerDay: 2 * size + size / 2)

        try first.transaction { try quota.charge([Self.png], to: "198.51.100.7", on: $0) }
        try second.transaction { try quota.charge([Self.png], to: "198.51.100.7", on: $0) }
        #expect {
            try second.transaction { try quota.charge([Self.png], to: "198.51.100.7", on: $0) }
        } throws: { quota.refusal(for: $0) == PhotoQuotaExceeded(bytesPerDay: quota.bytesPerDay) }
        let used = try first.query("select bytes from photo_quota_usage where client_address = '198.51.100.7'")
        #expect(used.map { $0["bytes"] } == ["\(2 * size)"], "a refused charge was counted")

        try first.transaction { try quota.charge([Self.png, Self.png], to: "203.0.113.9", on: $0) }
        try first.transaction { try quota.charge([], to: "198.51.100.7", on: $0) }
        #expect(throws: PhotoQuotaExceeded(bytesPerDay: quota.bytesPerDay), "photos past the allowance by themselves") {
            try first.transaction { try quota.charge([Self.png, Self.png, Self.png], to: "192.0.2.50", on: $0) }
        }
        #expect(quota.refusal(for: PostgresError.connectionLost("gone")) == nil)
    }

    @Test func aChargeRolledBackWithItsTransactionIsNotCounted() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let quota = PhotoQuota(bytesPerDay: Self.png.bytes.count)
        struct Abandoned: Error {}
        #expect(throws: Abandoned.self) {
            try connection.transaction { connection in
                try quota.charge([Self.png], to: "192.0.2.1", on: connection)
                throw Abandoned()
            }
        }
        try connection.transaction { try quota.charge([Self.png], to: "192.0.2.1", on: $0) }
    }
}
