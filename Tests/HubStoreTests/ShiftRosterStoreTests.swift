import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

struct ShiftRosterStoreTests {
    @Test func aPersonsShiftsNeverOverlapAndTheRosterListsTheComingWeek() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let rina = try AccountStore.create(login: "rina.pu", password: "kata-sandi-2", role: .staff, module: .publicWorks, on: connection)
        let now = Date()
        try connection.transaction {
            try ShiftRosterStore.add(rina, in: .publicWorks, from: now.addingTimeInterval(-3600), to: now.addingTimeInterval(7200), on: $0)
        }
        #expect(throws: ShiftRosterStore.Overlap.self) {
            try connection.transaction {
                try ShiftRosterStore.add(rina, in: .publicWorks, from: now.addingTimeInterval(3600), to: now.addingTimeInterval(9000), on: $0)
            }
        }
        try connection.transaction {
            try ShiftRosterStore.add(rina, in: .publicWorks, from: now.addingTimeInterval(86_400), to: now.addingTimeInterval(90_000), on: $0)
            try ShiftRosterStore.add(rina, in: .publicWorks, from: now.addingTimeInterval(8 * 86_400), to: now.addingTimeInterval(8 * 86_400 + 3600), on: $0)
        }
        let shifts = try ShiftRosterStore.upcoming(in: .publicWorks, on: connection)
        #expect(shifts.map(\.onDuty) == [true, false], "the shift after a week is not listed")
        #expect(shifts.allSatisfy { $0.login == "rina.pu" })
        #expect(try ShiftRosterStore.upcoming(in: .kir, on: connection).isEmpty)
    }
}
