import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

struct CaseStoreTests {
    let calendar = WorkingCalendar(holidayDates: ["2026-11-26"])

    func submitted(_ category: String = "pekerjaan-umum") throws -> (PostgresConnection, String) {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let receipt = try connection.transaction {
            try ComplaintStore.submit(ComplaintSubmission(category: category, description: "Drainase tersumbat", channel: .web).validated(on: $0), on: $0)
        }
        return (connection, receipt.trackingCode.value)
    }

    @Test func dispatchSetsTheVerificationDeadlineInWorkingDays() throws {
        let (connection, code) = try submitted()
        // Monday 2026-11-23 10:00 WIB; Thursday 26th is a holiday, so 3 working days end on Friday.
        let monday = Date(timeIntervalSince1970: 1_795_417_200)
        let outcome = try connection.transaction {
            try CaseStore.perform(.dispatch, on: code, by: .system, now: monday, calendar: calendar, connection: $0)
        }
        #expect(outcome.after.status == .dispatched)
        #expect(outcome.after.dueAt == Date(timeIntervalSince1970: 1_795_417_200 + 4 * 86_400))
    }

    @Test func eventsOfAKindOrRoleThisBuildDoesNotKnowStayReadable() throws {
        let (connection, code) = try submitted()
        let id = try #require(try CaseStore.id(of: code, on: connection))
        try connection.query("""
            insert into complaint_events (complaint_id, kind, actor_role, public, to_status) values ($1, 'letter_sent', 'stand_in', true, 'received')
            """, [id])
        let timeline = try CaseStore.timeline(caseID: id, on: connection)
        #expect(timeline.map(\.kind) == [.submitted, .unrecognised("letter_sent")])
        #expect(timeline.map(\.actorRole) == [.citizen, .unrecognised("stand_in")])
        let view = try #require(try PublicCase.load(code, on: connection))
        #expect(view.timeline.map(\.kind.rawValue) == ["submitted", "letter_sent"])
    }

    @Test func claimAssignsTheStaffMemberAndIsAudited() throws {
        let (connection, code) = try submitted()
        let staff = try AccountStore.create(login: "rina.pu", password: "kata-sandi-2", role: .staff, module: .publicWorks, on: connection)
        try connection.transaction { connection in
            try CaseStore.perform(.dispatch, on: code, by: .system, calendar: calendar, connection: connection)
            let claimed = try CaseStore.perform(.claim, on: code, by: Acting(staff.actor), calendar: calendar, connection: connection)
            #expect(claimed.after.assignedTo == staff.id)
            #expect(claimed.after.status == .inProgress)
        }
        let audit = try connection.query("select account_id, action, before->>'status' as b, after->>'status' as a from audit_log")
        #expect(audit.count == 1)
        #expect(try audit[0].decode("account_id", as: Int64.self) == staff.id)
        #expect(audit[0]["action"] == "claim" && audit[0]["b"] == "dispatched" && audit[0]["a"] == "in_progress")
    }

    @Test func refusedTransitionChangesNothing() throws {
        let (connection, code) = try submitted()
        let staff = try AccountStore.create(login: "andi.pu", password: "kata-sandi-3", role: .staff, module: .publicWorks, on: connection)
        #expect {
            try connection.transaction {
                try CaseStore.perform(.resolve(note: "selesai"), on: code, by: Acting(staff.actor), calendar: calendar, connection: $0)
            }
        } throws: { error in
            error as? Refusal == .notAllowedInStatus(action: "resolve", status: .received)
        }
        #expect(try CaseStore.find(code, on: connection)?.status == .received)
        #expect(try CaseStore.timeline(caseID: CaseStore.find(code, on: connection)!.id, on: connection).count == 1)
    }

    @Test func movingToAnotherCategorySendsTheCaseToItsModuleAndKeepsHistory() throws {
        let (connection, code) = try submitted()
        let inspector = try AccountStore.create(login: "inspektur.a", password: "kata-sandi-4", role: .inspector, module: nil,
                                                on: connection)
        try connection.transaction { connection in
            try CaseStore.perform(.dispatch, on: code, by: .system, calendar: calendar, connection: connection)
            try connection.query("delete from queue_messages")
            let moved = try CaseStore.perform(.escalate(.moveToCategory("pariwisata")), on: code, by: Acting(inspector.actor),
                                              reason: "lokasi di kawasan wisata", calendar: calendar, connection: connection)
            #expect(moved.after.module == .tourism && moved.after.category == "pariwisata" && moved.after.status == .received)
            #expect(moved.after.escalationLevel == 1)
        }
        let message = try connection.query("select queue from queue_messages")
        #expect(message.count == 1 && message[0]["queue"] == "module.tourism")
        let stored = try #require(try CaseStore.find(code, on: connection))
        let timeline = try CaseStore.timeline(caseID: stored.id, on: connection)
        #expect(timeline.map(\.kind.rawValue) == ["submitted", "dispatched", "escalated", "note"])
        #expect(timeline.last?.isPublic == false && timeline.last?.note == "lokasi di kawasan wisata")
    }

    /// A change writes the case's module fields back whole: fields it cannot read must stop it, not vanish.
    @Test func moduleFieldsThatAreNotTextAreAnErrorNotAnEmptySet() throws {
        let (connection, code) = try submitted()
        try connection.query("""
            update complaints set module_fields = '{"km": 5, "pole": "A"}' where tracking_code = $1
            """, [code])
        #expect(throws: PostgresError.self) { try CaseStore.find(code, on: connection) }
        let fields = try connection.query("select module_fields::text as f from complaints where tracking_code = $1", [code])
        #expect(fields[0]["f"] == #"{"km": 5, "pole": "A"}"#)
    }

    @Test func moveToAnUnknownCategoryIsRefusedAndRolledBack() throws {
        let (connection, code) = try submitted()
        let inspector = try AccountStore.create(login: "inspektur.b", password: "kata-sandi-5", role: .inspector, module: nil,
                                                on: connection)
        #expect(throws: Refusal.unknownCategory("tidak-ada")) {
            try connection.transaction {
                try CaseStore.perform(.escalate(.moveToCategory("tidak-ada")), on: code, by: Acting(inspector.actor),
                                      calendar: calendar, connection: $0)
            }
        }
        #expect(try CaseStore.find(code, on: connection)?.category == "pekerjaan-umum")
    }
}
