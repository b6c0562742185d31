import Complaints
import Foundation
import Testing

/// A public (not confidential) public-works case of agency dpupr.
private func sample(status: ComplaintStatus, confidential: Bool = false, dueAt: Date? = nil) -> Case {
    Case(id: 9, trackingCode: "ABCDEFGHJKMNP", category: "pekerjaan-umum", subcategory: nil, module: .publicWorks,
         agency: "dpupr", channel: .web, status: status, priority: .normal, description: "Lampu jalan mati", location: nil,
         kelurahan: nil, kecamatan: nil, lat: nil, lon: nil, anonymous: true, confidential: confidential, inspectorate: false,
         escalationLevel: 0, overdueStep: 0, assignedTo: nil, subUnit: nil, dueAt: dueAt,
         createdAt: Date(timeIntervalSince1970: 1_795_000_000), updatedAt: Date(timeIntervalSince1970: 1_795_000_000), moduleFields: [:])
}

private let staff = Acting(Complaints.Actor.account(id: 11, role: .staff))
/// Monday 2026-11-23 10:00 WIB.
private let monday = Date(timeIntervalSince1970: 1_795_417_200)

private func notices(_ action: CaseAction, on stored: Case, by acting: Acting<Complaints.Actor> = staff) throws -> [ReporterNotice] {
    try Lifecycle.apply(action, to: stored, by: acting, at: monday, context: CaseContext()).get().outbox
        .filter { $0.destination == .reporter }.compactMap { $0.message as? ReporterNotice }
}

@Suite struct ReporterNoticesTests {
    @Test func receivingTellsTheReporterTheCode() throws {
        let change = try Lifecycle.receive(sample(status: .received), at: monday).get()
        let told = change.outbox.filter { $0.destination == .reporter }.compactMap { $0.message as? ReporterNotice }
        #expect(told.map(\.notice) == [.received] && told[0].trackingCode == "ABCDEFGHJKMNP" && told[0].complaintID == 9)
    }

    @Test func takingInNamesTheAgencyAndTheNextDeadline() throws {
        let told = try notices(.dispatch, on: sample(status: .received), by: Acting(.system))
        #expect(told.map(\.notice) == [.takenIn])
        #expect(told[0].agency == "dpupr" && told[0].dueAt != nil && told[0].status == .dispatched)
    }

    @Test func aPublicNoteIsToldAndAnInternalOneIsNot() throws {
        #expect(try notices(.addNote(text: "Tim meluncur besok.", isPublic: true), on: sample(status: .inProgress)).map(\.note)
            == ["Tim meluncur besok."])
        #expect(try notices(.addNote(text: "Cek anggaran.", isPublic: false), on: sample(status: .inProgress)).isEmpty)
    }

    @Test func aConfidentialCaseSendsNoTextBeyondItsStatus() throws {
        let told = try notices(.resolve(note: "Lampu diganti di depan rumah Bu Sri."), on: sample(status: .inProgress, confidential: true))
        #expect(told.map(\.notice) == [.resolved] && told[0].note == nil && told[0].confidential)
    }

    @Test(arguments: [
        (CaseAction.resolve(note: "Lampu diganti."), ComplaintStatus.inProgress, ReporterNotice.Kind.resolved),
        (.close, .resolved, .closed),
        (.reject(reason: "Bukan kewenangan daerah."), .dispatched, .rejected),
    ])
    func eachStepACitizenCaresAboutTellsThem(action: CaseAction, from status: ComplaintStatus, kind: ReporterNotice.Kind) throws {
        #expect(try notices(action, on: sample(status: status)).map(\.notice) == [kind])
    }

    @Test func theCitizensOwnAnswersTellThemTheOutcome() throws {
        let citizen = Acting(Complaints.Actor.citizen)
        #expect(try notices(.reopen(reason: "Masih mati.", rating: 1), on: sample(status: .resolved), by: citizen).map(\.notice) == [.reopened])
        #expect(try notices(.accept(rating: 5, comment: nil), on: sample(status: .resolved), by: citizen).map(\.notice) == [.closed])
    }

    @Test func stepsOfTheAgencysOwnWorkTellNothing() throws {
        #expect(try notices(.claim, on: sample(status: .verified)).isEmpty)
        #expect(try notices(.verify, on: sample(status: .dispatched)).isEmpty)
        #expect(try notices(.escalate(.raisePriority(.high)), on: sample(status: .inProgress),
                            by: Acting(.account(id: 14, role: .inspector))).isEmpty)
    }

    @Test func aMoveWithinTheAgencyTellsNothingAndToAnotherNamesIt() throws {
        let inspector = Acting(Complaints.Actor.account(id: 14, role: .inspector))
        let other = CategoryRoute(category: "sosial", module: .social, agency: "dinsos")
        let moved = try Lifecycle.apply(.escalate(.moveToCategory("sosial")), to: sample(status: .inProgress), by: inspector, at: monday,
                                        context: CaseContext(route: other)).get()
        #expect(moved.outbox.compactMap { $0.message as? ReporterNotice }.map(\.agency) == ["dinsos"])
        let same = CategoryRoute(category: "perhubungan", module: .publicWorks, agency: "dpupr")
        let kept = try Lifecycle.apply(.escalate(.moveToCategory("perhubungan")), to: sample(status: .inProgress), by: inspector,
                                       at: monday, context: CaseContext(route: same)).get()
        #expect(kept.outbox.compactMap { $0.message as? ReporterNotice }.isEmpty)
    }

    @Test func eachEventHasItsOwnKeyAndEachChannelItsOwnDelivery() throws {
        let first = try notices(.addNote(text: "Satu.", isPublic: true), on: sample(status: .inProgress))[0]
        let later = try Lifecycle.apply(.addNote(text: "Satu.", isPublic: true), to: sample(status: .inProgress), by: staff,
                                        at: monday + 1, context: CaseContext()).get().outbox.compactMap { $0.message as? ReporterNotice }[0]
        #expect(first.key != later.key)
        #expect(first.deliveryKey(for: .email) != first.deliveryKey(for: .sms))
    }
}
