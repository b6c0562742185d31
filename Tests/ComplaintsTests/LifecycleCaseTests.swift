import Complaints
import Foundation
import Testing

/// A public-works case of agency dpupr, as the store would load it.
private func sample(status: ComplaintStatus = .dispatched, priority: Priority = .normal, assignedTo: Int64? = nil,
                    subUnit: String? = nil, overdueStep: Int = 0, dueAt: Date? = nil,
                    moduleFields: [String: String] = [:]) -> Case {
    Case(id: 7, trackingCode: "ABCDEFGHJKMNP", category: "pekerjaan-umum", subcategory: "jalan", module: .publicWorks,
         agency: "dpupr", channel: .web, status: status, priority: priority, description: "Jalan berlubang", location: nil,
         kelurahan: nil, kecamatan: nil, lat: nil, lon: nil, anonymous: true, confidential: true, inspectorate: false,
         escalationLevel: 0, overdueStep: overdueStep, assignedTo: assignedTo, subUnit: subUnit, dueAt: dueAt,
         createdAt: Date(timeIntervalSince1970: 1_795_000_000), updatedAt: Date(timeIntervalSince1970: 1_795_000_000),
         moduleFields: moduleFields)
}

private func account(_ id: Int64, _ role: Role, module: ModuleName? = .publicWorks, subUnit: String? = nil,
                     active: Bool = true) -> Account {
    Account(id: id, login: "akun\(id)", role: role, module: module, categories: [], area: nil, subUnit: subUnit, active: active)
}

private let staff = account(11, .staff)
private let inspector = Acting(Complaints.Actor.account(id: 14, role: .inspector), from: "198.51.100.7")
private let pju = SubUnit(code: "dpupr-pju", agency: "dpupr", module: .publicWorks, nameID: "UPT Penerangan Jalan Umum",
                          nameEN: "Street lighting unit")
/// Monday 2026-11-23 10:00 WIB.
private let monday = Date(timeIntervalSince1970: 1_795_417_200)
private let day: TimeInterval = 86_400

private func decide(_ action: CaseAction, on stored: Case = sample(), by acting: Acting<Complaints.Actor> = Acting(staff.actor),
                    context: CaseContext = CaseContext(), reason: String? = nil, photos: [Photo] = []) -> Result<CaseChange, Refusal> {
    Lifecycle.apply(action, to: stored, by: acting, at: monday, context: context, reason: reason, afterPhotos: photos)
}

@Suite struct LifecycleCaseTests {
    // MARK: the road and the deadline

    @Test func theStatusLevelRefusalComesFirst() {
        #expect(decide(.resolve(note: "Selesai."), on: sample(status: .received)).map(\.after.status)
            == .failure(.notAllowedInStatus(action: "resolve", status: .received)))
        #expect(decide(.dispatch, on: sample(status: .received)).map(\.after.status) == .failure(.roleNotAllowed(action: "dispatch")))
    }

    @Test(arguments: [
        (CaseAction.dispatch, ComplaintStatus.received, Complaints.Actor.system, 3 * day, "dispatched"),
        (.claim, .dispatched, staff.actor, 7 * day, "claimed"),
        (.resolve(note: "Ditambal."), .inProgress, staff.actor, 14 * day, "resolved"),
    ])
    func enteringAStatusSetsItsDeadlineInWorkingDays(action: CaseAction, from status: ComplaintStatus, actor: Complaints.Actor,
                                                     after: TimeInterval, kind: String) throws {
        let change = try decide(action, on: sample(status: status), by: Acting(actor)).get()
        #expect(change.after.dueAt == monday + after)
        #expect(change.events.map(\.kind.rawValue) == [kind])
        #expect(change.events[0].fromStatus == status && change.events[0].toStatus == change.after.status)
    }

    @Test func stayingInTheStatusKeepsTheDeadlineAndLeavingTheOpenRoadClearsIt() throws {
        let due = monday + 2 * day
        #expect(try decide(.addNote(text: "Dicek.", isPublic: false), on: sample(status: .inProgress, dueAt: due)).get().after.dueAt == due)
        #expect(try decide(.reject(reason: "Bukan kewenangan."), on: sample(dueAt: due)).get().after.dueAt == nil)
    }

    @Test func resolutionAndClosingAreStampedWhenTheCaseIsInThatStatusAfterwards() throws {
        let resolved = try decide(.resolve(note: "Ditambal."), on: sample(status: .inProgress)).get()
        #expect(resolved.stampsResolved && !resolved.stampsClosed)
        let closed = try decide(.close, on: sample(status: .resolved)).get()
        #expect(closed.stampsClosed && !closed.stampsResolved)
        #expect(!(try decide(.verify).get().stampsResolved))
    }

    // MARK: escalation

    @Test(arguments: [(Priority.low, Priority.high, Priority.high), (.urgent, .high, .urgent), (.normal, .normal, .normal)])
    func raisingPriorityNeverLowersIt(from current: Priority, asked: Priority, expected: Priority) throws {
        let change = try decide(.escalate(.raisePriority(asked)), on: sample(priority: current), by: inspector).get()
        #expect(change.after.priority == expected)
        #expect(change.after.escalationLevel == 1)
        #expect(change.events[0].details.priority == expected && change.events[0].details.escalation?.rawValue == "raise_priority")
    }

    @Test func anInspectorsDeadlineReplacesTheCasesOwn() throws {
        let date = monday + 30 * day
        let change = try decide(.escalate(.setDeadline(date)), on: sample(dueAt: monday), by: inspector).get()
        #expect(change.after.dueAt == date && change.events[0].details.dueAt == date)
    }

    @Test(arguments: [(1, Priority.normal, Priority.high, true), (2, .normal, .urgent, false), (1, .urgent, .urgent, true)])
    func overdueStepsRaisePriorityAndTheFirstGivesTheSupervisorTwoWorkingDays(step: Int, from: Priority, to: Priority,
                                                                               newDeadline: Bool) throws {
        let due = monday - day
        let change = try decide(.escalate(.overdue(step: step)), on: sample(status: .inProgress, priority: from, overdueStep: step - 1, dueAt: due),
                                by: .system).get()
        #expect(change.after.overdueStep == step && change.after.priority == to)
        #expect(change.after.dueAt == (newDeadline ? monday + 2 * day : due))
        #expect(change.events[0].details.step == step && change.events[0].actor == .system)
        #expect(change.audit == nil, "the hub's own steps are not audited")
    }

    @Test func handingToTheInspectorateMarksTheCase() throws {
        #expect(try decide(.escalate(.handToInspectorate), by: inspector).get().after.inspectorate)
    }

    @Test func aMoveTakesTheNewRouteLeavesSubcategorySubUnitAndAnotherModulesAssigneeAndSendsTheCaseAgain() throws {
        let route = CategoryRoute(category: "sosial", module: .social, agency: "dinsos")
        let stored = sample(status: .inProgress, assignedTo: staff.id, subUnit: "dpupr-pju")
        let change = try decide(.escalate(.moveToCategory("sosial")), on: stored, by: inspector,
                                context: CaseContext(route: route, currentAssignee: staff), reason: "Bukan jalan.").get()
        #expect(change.after.status == .received && change.after.dueAt == nil)
        #expect(change.after.category == "sosial" && change.after.subcategory == nil)
        #expect(change.after.module == .social && change.after.agency == "dinsos")
        #expect(change.after.subUnit == nil && change.after.assignedTo == nil)
        #expect(change.outbox == [OutboxMessage(to: .module(.social),
                                                ComplaintReceived(complaintID: 7, trackingCode: "ABCDEFGHJKMNP", movedFrom: .publicWorks),
                                                dedupeKey: "received:7"),
                                  OutboxMessage(to: .reporter, ReporterNotice(key: "7-escalated-1795417200000000-0", complaintID: 7,
                                                                              trackingCode: "ABCDEFGHJKMNP", notice: .moved, status: .received,
                                                                              agency: "dinsos", confidential: true))])
        #expect(change.events.map(\.kind.rawValue) == ["escalated", "note"])
        #expect(change.events[1].isPublic == false && change.events[1].note == "Bukan jalan." && change.events[1].fromStatus == nil)
        #expect(change.audit?.before.module == .publicWorks && change.audit?.after.module == .social)
    }

    @Test func aMoveWithinTheModuleAndAgencyKeepsAssigneeAndSubUnit() throws {
        let route = CategoryRoute(category: "pekerjaan-umum", module: .publicWorks, agency: "dpupr")
        let stored = sample(assignedTo: staff.id, subUnit: "dpupr-pju")
        let change = try decide(.escalate(.moveToCategory("pekerjaan-umum")), on: stored, by: inspector,
                                context: CaseContext(route: route, currentAssignee: staff)).get()
        #expect(change.after.assignedTo == staff.id && change.after.subUnit == "dpupr-pju")
    }

    @Test func aMoveToACategoryWithoutARouteIsRefused() {
        #expect(decide(.escalate(.moveToCategory("tidak-ada")), by: inspector).map(\.after) == .failure(.unknownCategory("tidak-ada")))
        let other = CategoryRoute(category: "sosial", module: .social, agency: "dinsos")
        #expect(decide(.escalate(.moveToCategory("tidak-ada")), by: inspector, context: CaseContext(route: other)).map(\.after)
            == .failure(.unknownCategory("tidak-ada")))
    }

    @Test func aBlankReasonAddsNoNoteAndATooLongOneIsRefused() throws {
        #expect(try decide(.escalate(.handToInspectorate), by: inspector, reason: " \n").get().events.count == 1)
        let long = String(repeating: "a", count: Lifecycle.maxNoteLength + 1)
        #expect(decide(.escalate(.handToInspectorate), by: inspector, reason: long).map(\.after) == .failure(.noteTooLong))
    }

    // MARK: sub-units and assignees

    @Test func disposingNamesTheSubUnitOnThePublicEvent() throws {
        let change = try decide(.dispose(to: "dpupr-pju"), context: CaseContext(subUnit: pju)).get()
        #expect(change.after.subUnit == "dpupr-pju" && change.after.status == .dispatched)
        #expect(change.events[0].note == "UPT Penerangan Jalan Umum" && change.events[0].isPublic && change.events[0].details.subUnit == "dpupr-pju")
        #expect(change.audit?.before.subUnit == nil && change.audit?.after.subUnit == "dpupr-pju")
    }

    @Test(arguments: [
        ("dinsos-panti", SubUnit(code: "dinsos-panti", agency: "dinsos", module: .social, nameID: "Panti", nameEN: "Home") as SubUnit?, nil as String?),
        ("tidak-ada", nil, nil),
        ("dpupr-pju", pju, "dpupr-pju"),
        ("DPUPR-PJU", pju, nil),
    ])
    func aSubUnitOfAnotherAgencyNoneOrTheSameIsRefused(code: String, found: SubUnit?, current: String?) {
        #expect(decide(.dispose(to: code), on: sample(subUnit: current), context: CaseContext(subUnit: found)).map(\.after)
            == .failure(.invalidSubUnit(code, agency: "dpupr")))
    }

    @Test(arguments: [(nil as String?, true), ("dpupr-pju", true), ("dpupr-jalan", false)])
    func disposingElsewhereLeavesAnAssigneeOfAnotherSubUnit(assigneeUnit: String?, keeps: Bool) throws {
        let assignee = account(21, .staff, subUnit: assigneeUnit)
        let change = try decide(.dispose(to: "dpupr-pju"), on: sample(assignedTo: 21, subUnit: "dpupr-jalan"),
                                context: CaseContext(subUnit: pju, currentAssignee: assignee)).get()
        #expect(change.after.assignedTo == (keeps ? 21 : nil))
    }

    @Test(arguments: [
        (account(21, .staff), true),
        (account(21, .supervisor), true),
        (account(21, .validator), false),
        (account(21, .staff, module: .social), false),
        (account(21, .staff, subUnit: "dpupr-jalan"), false),
        (account(21, .staff, active: false), false),
        (account(22, .staff), false),
    ])
    func onlyActiveStaffOrSupervisorsWhoWorkWhereTheCaseIsAreAssigned(colleague: Account, allowed: Bool) throws {
        let result = decide(.assign(to: 21), on: sample(subUnit: "dpupr-pju"), context: CaseContext(assignee: colleague))
        if allowed {
            let change = try result.get()
            #expect(change.after.assignedTo == 21 && change.events[0].details.assignedTo == 21 && !change.events[0].isPublic)
        } else {
            #expect(result.map(\.after) == .failure(.invalidAssignee(module: .publicWorks)))
        }
        #expect(decide(.assign(to: 21), on: sample()).map(\.after) == .failure(.invalidAssignee(module: .publicWorks)), "nobody found")
    }

    @Test func claimingAssignsTheActor() throws {
        #expect(try decide(.claim, on: sample(assignedTo: 99)).get().after.assignedTo == staff.id)
    }

    // MARK: duplicates, photos, fields, ratings

    @Test func aDuplicateJoinsAnotherExistingCase() throws {
        let change = try decide(.markDuplicate(of: "QRSTVWXYZ0123"), context: CaseContext(duplicateTarget: 3)).get()
        #expect(change.duplicateOf == 3 && change.after.status == .duplicate && change.events[0].details.duplicateOf == "QRSTVWXYZ0123")
        #expect(decide(.markDuplicate(of: "QRSTVWXYZ0123")).map(\.after) == .failure(.invalidDuplicate("QRSTVWXYZ0123")))
        #expect(decide(.markDuplicate(of: "ABCDEFGHJKMNP"), context: CaseContext(duplicateTarget: 7)).map(\.after)
            == .failure(.invalidDuplicate("ABCDEFGHJKMNP")), "not itself")
    }

    @Test func afterPhotosGoOnlyWithAResolutionOrARequestForValidationAtMostThree() throws {
        let photo = try Photo(bytes: SampleImages.jpeg)
        let resolved = try decide(.resolve(note: "Ditambal."), on: sample(status: .inProgress), photos: [photo, photo]).get()
        #expect(resolved.photos.count == 2 && resolved.events[0].details.photos == 2)
        #expect(try decide(.requestValidation(note: "Mohon dicek."), on: sample(status: .inProgress), photos: [photo]).get().photos.count == 1)
        #expect(decide(.resolve(note: "Ditambal."), on: sample(status: .inProgress), photos: Array(repeating: photo, count: 4)).map(\.after)
            == .failure(.photosNotAllowed))
        #expect(decide(.addNote(text: "Foto.", isPublic: true), on: sample(status: .inProgress), photos: [photo]).map(\.after)
            == .failure(.photosNotAllowed))
    }

    @Test func detailsSetAndRemoveModuleFields() throws {
        let change = try decide(.updateDetails(["pole_id": "PJU12", "asset": nil]),
                                on: sample(moduleFields: ["asset": "streetlight", "kind": "padam"])).get()
        #expect(change.after.moduleFields == ["pole_id": "PJU12", "kind": "padam"])
        #expect(change.events[0].details.fields == ["asset", "pole_id"] && change.events[0].kind.rawValue == "details_updated")
        #expect(change.audit?.after.moduleFields == ["pole_id": "PJU12", "kind": "padam"])
    }

    @Test func theCitizensRatingIsRecordedWithoutAnAccount() throws {
        let change = try decide(.accept(rating: 5, comment: nil), on: sample(status: .resolved), by: Acting(.citizen, from: "203.0.113.0")).get()
        #expect(change.rating == 5 && change.after.status == .closed)
        #expect(change.audit?.acting.who == .citizen && change.audit?.acting.address == "203.0.113.0" && change.audit?.action.rawValue == "accept")
    }

    @Test func everyoneButTheHubIsAuditedAndOnlyAMoveSendsAMessage() throws {
        let claimed = try decide(.claim).get()
        #expect(claimed.audit == CaseAuditEntry(action: .claim, acting: Acting(staff.actor), caseID: 7,
                                                before: sample().auditSnapshot, after: claimed.after.auditSnapshot))
        #expect(claimed.outbox.isEmpty && claimed.changesCase)
        let verified = try decide(.verify, by: .system).get()
        #expect(verified.audit == nil && verified.outbox.isEmpty)
    }

    // MARK: intake

    @Test func receivingWritesTheFirstEventAndSendsTheCaseToItsModule() throws {
        let change = try Lifecycle.receive(sample(status: .received), at: monday).get()
        #expect(!change.changesCase && change.after == change.before && change.audit == nil)
        #expect(change.events == [TimelineEntry(kind: EventKind(rawValue: "submitted"), actor: .citizen, isPublic: true, fromStatus: nil, toStatus: .received,
                                                details: EventDetails(channel: .web))])
        #expect(change.outbox == [OutboxMessage(to: .module(.publicWorks), ComplaintReceived(complaintID: 7, trackingCode: "ABCDEFGHJKMNP"),
                                                dedupeKey: "received:7"),
                                  OutboxMessage(to: .reporter, receivedNotice)])
    }

    @Test func aReportOfAnOpenProblemIsLinkedInsteadOfSent() throws {
        let change = try Lifecycle.receive(sample(status: .received), joining: (id: 3, code: "QRSTVWXYZ0123"), at: monday).get()
        #expect(change.changesCase && change.after.status == .duplicate && change.duplicateOf == 3)
        #expect(change.events.map(\.kind.rawValue) == ["submitted", "linked_duplicate"] && change.events.allSatisfy(\.isPublic))
        #expect(change.outbox == [OutboxMessage(to: .reporter, receivedNotice)] && change.audit == nil)
    }

    @Test func aNewHazardReportIsToldToTheCommandCentreAndARepeatedOneIsNot() throws {
        let hazard = OutboxMessage(to: .commandCentre, HazardReported(complaintID: 7), dedupeKey: "hazard:7")
        #expect(try Lifecycle.receive(sample(status: .received), hazard: true, at: monday).get().outbox.filter { $0.destination == .commandCentre }
            == [hazard])
        #expect(try Lifecycle.receive(sample(status: .received), hazard: false, at: monday).get().outbox.allSatisfy { $0.destination != .commandCentre })
        let repeated = try Lifecycle.receive(sample(status: .received), joining: (id: 3, code: "QRSTVWXYZ0123"), hazard: true, at: monday).get()
        #expect(repeated.outbox.allSatisfy { $0.destination != .commandCentre })
    }

    /// What the reporter of the sample is told when it is received on Monday.
    private var receivedNotice: ReporterNotice {
        ReporterNotice(key: "7-submitted-1795417200000000-0", complaintID: 7, trackingCode: "ABCDEFGHJKMNP", notice: .received,
                       status: .received, confidential: true)
    }

    @Test func onlyACaseWaitingAtIntakeIsReceived() {
        #expect(Lifecycle.receive(sample(status: .dispatched), at: monday).map(\.after)
            == .failure(.notAllowedInStatus(action: "receive", status: .dispatched)))
    }

    // MARK: what the store looks up

    @Test(arguments: [
        (CaseAction.assign(to: 21), CaseLookups(assignee: 21)),
        (.dispose(to: "dpupr-pju"), CaseLookups(subUnit: "dpupr-pju", currentAssignee: 11)),
        (.escalate(.moveToCategory("sosial")), CaseLookups(category: "sosial", currentAssignee: 11)),
        (.markDuplicate(of: "QRSTVWXYZ0123"), CaseLookups(duplicate: "QRSTVWXYZ0123")),
        (.linkAsDuplicate(of: "QRSTVWXYZ0123"), CaseLookups(duplicate: "QRSTVWXYZ0123")),
        (.claim, CaseLookups()),
        (.escalate(.raisePriority(.high)), CaseLookups()),
    ])
    func eachActionNamesWhatTheStoreLooksUp(action: CaseAction, expected: CaseLookups) {
        #expect(Lifecycle.lookups(for: action, on: sample(assignedTo: 11)) == expected)
    }
}
