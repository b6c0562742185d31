import Complaints
import Foundation
import Testing

/// A case of agency dpupr (public works), or one of the inspectorate's, as the store would load it.
private func sample(status: ComplaintStatus = .verified, agency: String = "dpupr", module: ModuleName = .publicWorks,
                    category: String = "pekerjaan-umum", subcategory: String? = "jalan", inspectorate: Bool = false, assignedTo: Int64? = nil, subUnit: String? = nil, dueAt: Date? = nil,
                    forwardedFrom: ForwardOrigin? = nil, overdueStep: Int = 0) -> Case {
    Case(id: 7, trackingCode: "ABCDEFGHJKMNP", category: category, subcategory: subcategory, module: module,
         agency: agency, channel: .web, status: status, priority: .normal, description: "Lansia di kolong jembatan", location: nil,
         kelurahan: nil, kecamatan: nil, lat: nil, lon: nil, anonymous: true, confidential: true, inspectorate: inspectorate,
         escalationLevel: 0, overdueStep: overdueStep, assignedTo: assignedTo, subUnit: subUnit, dueAt: dueAt,
         createdAt: Date(timeIntervalSince1970: 1_795_000_000), updatedAt: Date(timeIntervalSince1970: 1_795_000_000),
         moduleFields: [:], forwardedFrom: forwardedFrom)
}

private let staff = Acting(Complaints.Actor.account(id: 11, role: .staff), from: "198.51.100.7")
private let inspector = Acting(Complaints.Actor.account(id: 14, role: .inspector), from: "198.51.100.8")
private let dinsos = Agency(code: "dinsos", nameID: "Dinas Sosial", nameEN: "Social services office", module: .social,
                            categories: ["sosial"])
private let dpupr = Agency(code: "dpupr", nameID: "Dinas Pekerjaan Umum dan Penataan Ruang", nameEN: "Public works office",
                           module: .publicWorks, categories: ["pekerjaan-umum"])
private let fromPublicWorks = ForwardOrigin(agency: "dpupr", module: .publicWorks, category: "pekerjaan-umum", subcategory: "jalan")
/// A case public works forwarded to the social services office, in its category.
private func forwardedToSocial(assignedTo: Int64? = nil, dueAt: Date? = nil) -> Case {
    sample(status: .forwarded, agency: "dinsos", module: .social, category: "sosial", subcategory: nil, assignedTo: assignedTo,
           dueAt: dueAt, forwardedFrom: fromPublicWorks)
}
/// Monday 2026-11-23 10:00 WIB.
private let monday = Date(timeIntervalSince1970: 1_795_417_200)
private let day: TimeInterval = 86_400

private func decide(_ action: CaseAction, on stored: Case = sample(), by acting: Acting<Complaints.Actor> = staff,
                    context: CaseContext = CaseContext()) -> Result<CaseChange, Refusal> {
    Lifecycle.apply(action, to: stored, by: acting, at: monday, context: context)
}

@Suite struct LifecycleCrossAgencyTests {
    // MARK: forwarding

    @Test func aForwardHandsTheCaseToTheReceivingAgencysModuleAndRemembersWhereItCameFrom() throws {
        let change = try decide(.forward(to: "dinsos", reason: "Warga rentan: kewenangan Dinas Sosial."),
                                on: sample(status: .inProgress, assignedTo: 11, subUnit: "dpupr-pju"),
                                context: CaseContext(agency: dinsos)).get()
        #expect(change.after.status == .forwarded)
        #expect(change.after.agency == "dinsos" && change.after.module == .social)
        #expect(change.after.category == "sosial" && change.after.subcategory == nil && change.events[0].details.category == "sosial",
                "the receiving agency's staff see it by its category")
        #expect(change.after.forwardedFrom == fromPublicWorks)
        #expect(change.after.assignedTo == nil && change.after.subUnit == nil, "the forwarding agency's people and units stay behind")
        #expect(change.after.dueAt == monday + 3 * day, "the receiving agency answers within its verification time")
        #expect(change.events.map(\.kind) == [.forwarded, .note])
        #expect(change.events[0].isPublic && change.events[0].note == "Dinas Sosial", "the public event names the agency")
        #expect(change.events[0].details.agency == "dinsos" && change.events[0].details.fromAgency == "dpupr")
        #expect(!change.events[1].isPublic && change.events[1].note == "Warga rentan: kewenangan Dinas Sosial.",
                "the reason stays internal")
        #expect(change.audit?.before.agency == "dpupr" && change.audit?.after.agency == "dinsos")
        #expect(change.outbox.isEmpty, "the case waits in the receiving module's queue; nothing dispatches it again")
    }

    @Test func aCaseIsNotForwardedToItsOwnAgency() {
        #expect(decide(.forward(to: "dpupr", reason: "Coba lagi."), context: CaseContext(agency: dpupr)).map(\.after)
            == .failure(.forwardToSameAgency))
    }

    @Test(arguments: [nil as Agency?, Agency(code: "inspektorat", nameID: "Inspektorat Daerah", nameEN: "Regional inspectorate",
                                             module: nil)])
    func anAgencyThatIsUnknownOrReceivesNoCasesIsRefused(found: Agency?) {
        let code = found?.code ?? "tidak-ada"
        #expect(decide(.forward(to: code, reason: "Alasan."), context: CaseContext(agency: found)).map(\.after)
            == .failure(.unknownForwardAgency(code)))
    }

    @Test func aForwardNeedsAReason() {
        #expect(decide(.forward(to: "dinsos", reason: " "), context: CaseContext(agency: dinsos)).map(\.after)
            == .failure(.reasonRequired))
    }

    @Test func acceptingKeepsTheCaseWithTheReceivingAgencyAsVerified() throws {
        let change = try decide(.acceptForward, on: forwardedToSocial(), context: CaseContext(agency: dinsos)).get()
        #expect(change.after.status == .verified && change.after.agency == "dinsos" && change.after.module == .social)
        #expect(change.after.category == "sosial" && change.after.forwardedFrom == nil)
        #expect(change.after.dueAt == monday + 7 * day, "five working days to follow up")
        #expect(change.events.map(\.kind) == [.forwardAccepted] && change.events[0].note == "Dinas Sosial" && change.events[0].isPublic)
    }

    @Test func returningSendsTheCaseBackToTheForwardingAgencyWithItsReasonInternal() throws {
        let change = try decide(.returnForward(reason: "Bukan kewenangan kami."), on: forwardedToSocial(assignedTo: 21),
                                context: CaseContext(agency: dpupr)).get()
        #expect(change.after.status == .verified && change.after.agency == "dpupr" && change.after.module == .publicWorks)
        #expect(change.after.category == "pekerjaan-umum" && change.after.subcategory == "jalan", "its own category again")
        #expect(change.after.forwardedFrom == nil && change.after.assignedTo == nil)
        #expect(change.events.map(\.kind) == [.forwardReturned, .note])
        #expect(change.events[0].note == "Dinas Pekerjaan Umum dan Penataan Ruang" && change.events[0].details.agency == "dpupr")
        #expect(!change.events[1].isPublic && change.events[1].note == "Bukan kewenangan kami.")
    }

    @Test func theHubReturnsAForwardNobodyAnsweredInTime() throws {
        let forwarded = forwardedToSocial(dueAt: monday - 60)
        let action = try #require(DeadlineSweep.action(for: forwarded, at: monday))
        #expect(action == .returnForward(reason: DeadlineSweep.unansweredForwardReason))
        let change = try Lifecycle.apply(action, to: forwarded, by: .system, at: monday, context: CaseContext()).get()
        #expect(change.after.agency == "dpupr" && change.after.module == .publicWorks && change.after.status == .verified)
        #expect(change.after.category == "pekerjaan-umum")
        #expect(change.events[0].actor == .system && change.events[0].note == "dpupr", "without the name looked up, the code")
        #expect(change.audit == nil)
    }

    @Test func aForwardToAnAgencyThatWorksTheCasesCategoryKeepsItAndAnOldForwardReturnsWithItsCategory() throws {
        // An agency that owns public works in one kecamatan (a route by place) works the case's category already.
        let lembang = Agency(code: "upt-lembang", nameID: "UPT Lembang", nameEN: "Lembang unit", module: .publicWorks,
                             categories: ["pekerjaan-umum"])
        let kept = try decide(.forward(to: "upt-lembang", reason: "Wilayah UPT."), context: CaseContext(agency: lembang)).get()
        #expect(kept.after.category == "pekerjaan-umum" && kept.after.subcategory == "jalan" && kept.events[0].details.category == nil)
        let older = sample(status: .forwarded, agency: "dinsos", module: .social, category: "pekerjaan-umum",
                           forwardedFrom: ForwardOrigin(agency: "dpupr", module: .publicWorks))
        let back = try decide(.returnForward(reason: "Kembali."), on: older, context: CaseContext(agency: dpupr)).get()
        #expect(back.after.category == "pekerjaan-umum" && back.after.subcategory == "jalan", "a forward recorded without its category keeps the case's")
    }

    @Test func aMoveElsewhereForgetsWhereAForwardCameFrom() throws {
        let forwarded = forwardedToSocial()
        let route = CategoryRoute(category: "pariwisata", module: .tourism, agency: "dispar")
        let change = try decide(.escalate(.moveToCategory("pariwisata")), on: forwarded, by: inspector,
                                context: CaseContext(route: route)).get()
        #expect(change.after.status == .received && change.after.forwardedFrom == nil)
    }

    @Test(arguments: [
        (CaseAction.forward(to: "dinsos", reason: "-"), CaseLookups(agency: "dinsos")),
        (.acceptForward, CaseLookups(agency: "dpupr")),
        (.returnForward(reason: "-"), CaseLookups(agency: "disdik")),
    ])
    func forwardingLooksUpTheAgencyItNames(action: CaseAction, expected: CaseLookups) {
        let stored = sample(status: .forwarded, forwardedFrom: ForwardOrigin(agency: "disdik", module: .intake))
        #expect(Lifecycle.lookups(for: action, on: stored) == expected)
    }

    // MARK: the inspectorate

    @Test func aMisconductReportTakenInAtIntakeGetsSixtyWorkingDays() throws {
        let report = sample(status: .received, agency: "inspektorat", module: .intake, inspectorate: true)
        let change = try Lifecycle.apply(.dispatch, to: report, by: .system, at: monday, context: CaseContext()).get()
        #expect(change.after.dueAt == monday + 84 * day, "60 working days are 12 weeks")
    }

    @Test func handingACaseToTheInspectorateStartsItsClockAndItsWorkKeepsIt() throws {
        let handed = try decide(.escalate(.handToInspectorate), on: sample(dueAt: monday + day), by: inspector).get()
        #expect(handed.after.dueAt == monday + 84 * day)
        let due = monday + 30 * day
        let investigated = try decide(.investigate, on: sample(status: .dispatched, inspectorate: true, dueAt: due), by: inspector).get()
        #expect(investigated.after.dueAt == due && investigated.after.status == .inProgress)
        #expect(investigated.after.assignedTo == 14, "the inspector who opens the investigation holds the case")
        #expect(investigated.events.map(\.kind) == [.investigationOpened] && investigated.events[0].isPublic)
    }

    @Test func findingsAreInternalAndKeepTheCaseOpen() throws {
        let change = try decide(.recordFindings(note: "Saksi A dan B membenarkan."), on: sample(status: .inProgress, inspectorate: true),
                                by: inspector).get()
        #expect(change.after.status == .inProgress)
        #expect(change.events.map(\.kind) == [.findingsRecorded] && !change.events[0].isPublic)
        #expect(change.events[0].note == "Saksi A dan B membenarkan.")
    }

    @Test(arguments: InspectionOutcome.allCases)
    func aDecisionClosesTheCaseWithItsOutcomeOnThePublicNote(outcome: InspectionOutcome) throws {
        let change = try decide(.decide(outcome: outcome, publicNote: "Sanksi telah dijatuhkan."),
                                on: sample(status: .inProgress, inspectorate: true, dueAt: monday), by: inspector).get()
        #expect(change.after.status == .closed && change.after.dueAt == nil && change.stampsClosed)
        #expect(change.events.map(\.kind) == [.decided] && change.events[0].isPublic)
        #expect(change.events[0].note == "\(outcome.labelID): Sanksi telah dijatuhkan.")
        #expect(change.events[0].details.outcome == outcome)
        #expect(change.events[0].actor.publicRole == .staff(.inspector), "the public sees a role, never a person")
    }

    @Test(arguments: [CaseAction.investigate, .recordFindings(note: "Temuan."), .decide(outcome: .substantiated, publicNote: "Terbukti.")])
    func theInspectoratesActionsAreForItsOwnCasesOnly(action: CaseAction) {
        let status: ComplaintStatus = action == .investigate ? .dispatched : .inProgress
        #expect(decide(action, on: sample(status: status), by: inspector).map(\.after)
            == .failure(.notInspectorateCase(action: action.name.rawValue)))
    }

    @Test func aDecisionNeedsAPublicNote() {
        #expect(decide(.decide(outcome: .notSubstantiated, publicNote: "  "), on: sample(status: .inProgress, inspectorate: true),
                       by: inspector).map(\.after) == .failure(.noteRequired))
    }

    @Test func aLateCaseOfTheInspectorateGoesStraightToTheLastStep() {
        let late = sample(status: .inProgress, inspectorate: true, dueAt: monday - 60)
        #expect(DeadlineSweep.action(for: late, at: monday) == .escalate(.overdue(step: DeadlineSweep.lastOverdueStep)))
        let last = sample(status: .inProgress, inspectorate: true, dueAt: monday - 60, overdueStep: DeadlineSweep.lastOverdueStep)
        #expect(DeadlineSweep.action(for: last, at: monday) == nil)
    }
}
