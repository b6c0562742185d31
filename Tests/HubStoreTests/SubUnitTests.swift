import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

/// Disposing cases to a sub-unit (UPT, bidang) of their agency.
struct SubUnitTests {
    let calendar = WorkingCalendar(holidayDates: [])

    /// A dispatched public-works case (agency dpupr) and a fresh database.
    func dispatched() throws -> (PostgresConnection, String) {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let code = try connection.transaction { connection -> String in
            let receipt = try ComplaintStore.submit(
                ComplaintSubmission(category: "pekerjaan-umum", description: "Lampu jalan padam", channel: .web).validated(on: connection), on: connection)
            try CaseStore.perform(.dispatch, on: receipt.trackingCode.value, by: .system, calendar: calendar, connection: connection)
            return receipt.trackingCode.value
        }
        return (connection, code)
    }

    @Test func disposingRecordsTheSubUnitAndShowsItsNameOnThePublicTimeline() throws {
        let (connection, code) = try dispatched()
        let head = try AccountStore.create(login: "kabid.pu", password: "kata-sandi-1", role: .supervisor, module: .publicWorks,
                                           on: connection)
        let outcome = try connection.transaction {
            try CaseStore.perform(.dispose(to: "dpupr-pju"), on: code, by: Acting(head.actor), calendar: calendar, connection: $0)
        }
        #expect(outcome.after.subUnit == "dpupr-pju")
        #expect(outcome.after.status == .dispatched)
        let publicCase = try #require(try PublicCase.load(code, on: connection))
        let last = try #require(publicCase.timeline.last)
        #expect(last.kind.rawValue == "disposed" && last.note == "UPT Penerangan Jalan Umum" && last.actorRole.rawValue == "supervisor")
        let audit = try connection.query("select after->>'sub_unit' as unit, before ? 'sub_unit' as had from audit_log where action = 'dispose'")
        #expect(audit.count == 1 && audit[0]["unit"] == "dpupr-pju" && audit[0]["had"] == "f")
    }

    @Test(arguments: ["dinsos-panti", "tidak-ada", "DPUPR-PJU", "dpupr-pju"])
    func aSubUnitOfAnotherAgencyNoneOrTheSameIsRefusedAndNothingMoreChanges(unit: String) throws {
        let (connection, code) = try dispatched()
        let staff = try AccountStore.create(login: "staf.pu", password: "kata-sandi-2", role: .staff, module: .publicWorks, on: connection)
        if unit == "dpupr-pju" {
            try connection.transaction {
                try CaseStore.perform(.dispose(to: unit), on: code, by: Acting(staff.actor), calendar: calendar, connection: $0)
            }
        }
        let eventsBefore = try CaseStore.timeline(caseID: try #require(try CaseStore.find(code, on: connection)).id, on: connection)
        let auditBefore = try connection.query("select 1 from audit_log").count
        #expect {
            try connection.transaction {
                try CaseStore.perform(.dispose(to: unit), on: code, by: Acting(staff.actor), calendar: calendar, connection: $0)
            }
        } throws: { error in
            error as? Refusal == .invalidSubUnit(unit, agency: "dpupr")
        }
        let stored = try #require(try CaseStore.find(code, on: connection))
        #expect(stored.subUnit == (unit == "dpupr-pju" ? "dpupr-pju" : nil))
        #expect(try CaseStore.timeline(caseID: stored.id, on: connection).map(\.kind) == eventsBefore.map(\.kind))
        #expect(try connection.query("select 1 from audit_log").count == auditBefore)
    }

    @Test func anAssigneeOfAnotherSubUnitLeavesTheCaseButTheAgencyDeskStays() throws {
        let (connection, code) = try dispatched()
        let desk = try AccountStore.create(login: "meja.pu", password: "kata-sandi-3", role: .staff, module: .publicWorks, on: connection)
        let roads = try AccountStore.create(login: "jalan.pu", password: "kata-sandi-4", role: .staff, module: .publicWorks,
                                            subUnit: "dpupr-jalan", on: connection)
        try connection.transaction { connection in
            // The desk (no sub-unit) claims, disposes to street lighting, and keeps the case.
            try CaseStore.perform(.claim, on: code, by: Acting(desk.actor), calendar: calendar, connection: connection)
            let kept = try CaseStore.perform(.dispose(to: "dpupr-pju"), on: code, by: Acting(desk.actor), calendar: calendar,
                                             connection: connection)
            #expect(kept.after.assignedTo == desk.id)
            // Roads cannot be handed a street-lighting case: they would not see it.
            #expect(throws: Refusal.invalidAssignee(module: .publicWorks)) {
                try CaseStore.perform(.assign(to: roads.id), on: code, by: Acting(desk.actor), calendar: calendar, connection: connection)
            }
        }
        try connection.transaction { connection in
            // Disposed to roads, then assigned to its staff, then disposed back: the roads man leaves it.
            try CaseStore.perform(.dispose(to: "dpupr-jalan"), on: code, by: Acting(desk.actor), calendar: calendar, connection: connection)
            let assigned = try CaseStore.perform(.assign(to: roads.id), on: code, by: Acting(desk.actor), calendar: calendar, connection: connection)
            #expect(assigned.after.assignedTo == roads.id)
            let back = try CaseStore.perform(.dispose(to: "dpupr-pju"), on: code, by: Acting(desk.actor), calendar: calendar, connection: connection)
            #expect(back.after.assignedTo == nil && back.after.subUnit == "dpupr-pju")
        }
    }

    @Test func movingToAnotherAgencyLeavesTheSubUnitBehind() throws {
        let (connection, code) = try dispatched()
        let staff = try AccountStore.create(login: "staf.pu2", password: "kata-sandi-5", role: .staff, module: .publicWorks, on: connection)
        let inspector = try AccountStore.create(login: "inspektur.b", password: "kata-sandi-6", role: .inspector, module: nil,
                                                on: connection)
        let moved = try connection.transaction { connection in
            try CaseStore.perform(.dispose(to: "dpupr-drainase"), on: code, by: Acting(staff.actor), calendar: calendar, connection: connection)
            return try CaseStore.perform(.escalate(.moveToCategory("sosial")), on: code, by: Acting(inspector.actor), calendar: calendar,
                                         connection: connection)
        }
        #expect(moved.after.agency == "dinsos" && moved.after.subUnit == nil)
    }

    @Test func accountsTakeOnlyASubUnitOfTheirModule() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let bound = try AccountStore.create(login: "panti.sos", password: "kata-sandi-7", role: .validator, module: .social,
                                            subUnit: "dinsos-panti", on: connection)
        #expect(bound.subUnit == "dinsos-panti")
        #expect(try AccountStore.find(login: "PANTI.SOS", on: connection)?.subUnit == "dinsos-panti")
        for (login, role, module, unit) in [("a.pu", Role.staff, ModuleName.publicWorks, "dinsos-panti"),
                                            ("b.pu", .staff, .publicWorks, "tidak-ada"),
                                            ("c.insp", .inspector, .publicWorks, "dpupr-pju")] {
            #expect(throws: AccountStore.AccountError.self) {
                try AccountStore.create(login: login, password: "kata-sandi-8", role: role, module: module, subUnit: unit, on: connection)
            }
        }
        #expect(try AccountStore.find(login: "a.pu", on: connection) == nil)
    }

    @Test func subUnitsAreAddedToAnAgencyAndListedByIt() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let added = try SubUnitStore.add(code: "dpupr-taman", agency: "dpupr", nameID: "UPT Pertamanan", nameEN: "Parks unit",
                                         on: connection)
        #expect(added.module == .publicWorks && added.agency == "dpupr")
        // By Indonesian name: Drainase, Pemeliharaan Jalan, Penerangan Jalan, Pertamanan.
        #expect(try SubUnitStore.all(agency: "dpupr", on: connection).map(\.code)
            == ["dpupr-drainase", "dpupr-jalan", "dpupr-pju", "dpupr-taman"])
        #expect(throws: SubUnitStore.SubUnitError.self) {
            try SubUnitStore.add(code: "dpupr-taman", agency: "dpupr", nameID: "Lagi", nameEN: "Again", on: connection)
        }
        #expect(throws: SubUnitStore.SubUnitError.self) {
            try SubUnitStore.add(code: "Bukan Kode", agency: "dpupr", nameID: "X", nameEN: "X", on: connection)
        }
        #expect(throws: SubUnitStore.SubUnitError.self) {
            try SubUnitStore.add(code: "tak-ada-dinas", agency: "tidak-ada", nameID: "X", nameEN: "X", on: connection)
        }
    }
}
