import Complaints
import Foundation
import Testing

// MARK: the expected table, written from the rules (DESIGN.md, Lifecycle)

/// Every kind of actor, by the name the table below uses.
private let actors: [(name: String, actor: Complaints.Actor)] = [
    ("system", .system),
    ("citizen", .citizen),
    ("staff", .account(id: 11, role: .staff)),
    ("supervisor", .account(id: 12, role: .supervisor)),
    ("validator", .account(id: 13, role: .validator)),
    ("inspector", .account(id: 14, role: .inspector)),
    ("admin", .account(id: 15, role: .admin)),
]

/// One action of every kind, with non-blank notes and reasons, and every kind of escalation.
private let everyAction: [CaseAction] = [
    .dispatch,
    .verify,
    .claim,
    .assign(to: 42),
    .dispose(to: "dpupr-pju"),
    .updateDetails(["pole_id": "PJU-12"]),
    .addNote(text: "Petugas sudah ke lokasi.", isPublic: false),
    .resolve(note: "Lubang sudah ditambal."),
    .requestValidation(note: "Mohon divalidasi."),
    .validate,
    .rejectFollowUp(reason: "Foto sesudah tidak jelas."),
    .reject(reason: "Bukan kewenangan pemerintah kota."),
    .postpone(reason: "Menunggu anggaran perubahan."),
    .markDuplicate(of: "ABCDEFGHJKMNP"),
    .linkAsDuplicate(of: "ABCDEFGHJKMNP"),
    .close,
    .reopen(reason: "Jalan masih berlubang.", rating: 1),
    .accept(rating: 4, comment: "Sudah beres, terima kasih."),
    .escalate(.raisePriority(.urgent)),
    .escalate(.setDeadline(Date(timeIntervalSince1970: 1_710_000_000))),
    .escalate(.moveToCategory("pju")),
    .escalate(.handToInspectorate),
    .escalate(.overdue(step: 1)),
    .forward(to: "dinsos", reason: "Warga rentan, kewenangan dinas sosial."),
    .acceptForward,
    .returnForward(reason: "Bukan kewenangan kami."),
    .investigate,
    .recordFindings(note: "Dua saksi membenarkan pungutan."),
    .decide(outcome: .substantiated, publicNote: "Pungutan terbukti; sanksi dijatuhkan."),
    .ask(question: "Di depan rumah nomor berapa lubangnya?"),
    .reply(text: "Di depan nomor 12, dekat warung."),
    .remindUnanswered,
]

/// The row of the table an action belongs to (escalations differ by kind).
private func row(_ action: CaseAction) -> String {
    if case .escalate(let escalation) = action { return "escalate." + escalation.name.rawValue }
    return action.name.rawValue
}

private let agencyWork: Set<String> = ["staff", "supervisor", "admin"]
private let validation: Set<String> = ["validator", "supervisor", "admin"]
private let escalators: Set<String> = ["system", "inspector", "admin"]

/// Who may ask for each action at all.
private let mayAsk: [String: Set<String>] = [
    "dispatch": ["system"],
    "verify": agencyWork.union(["system"]),
    "claim": agencyWork,
    "assign": agencyWork,
    "dispose": agencyWork,
    "details": agencyWork,
    "note": ["staff", "supervisor", "validator", "inspector", "admin"],
    "resolve": agencyWork,
    "request_validation": agencyWork,
    "validate": validation,
    "reject_follow_up": validation,
    "reject": agencyWork,
    "postpone": agencyWork,
    "mark_duplicate": agencyWork,
    "link_duplicate": ["system"],
    "close": ["system", "staff", "supervisor", "admin"],
    "reopen": ["citizen"],
    "accept": ["citizen"],
    "escalate.raise_priority": escalators,
    "escalate.set_deadline": escalators,
    "escalate.move_category": escalators,
    "escalate.inspectorate": escalators,
    "escalate.overdue": ["system"],
    "forward": agencyWork,
    "accept_forward": agencyWork,
    "return_forward": agencyWork.union(["system"]),
    "investigate": ["inspector"],
    "findings": ["inspector"],
    "decide": ["inspector"],
    "ask": agencyWork,
    "reply": ["citizen"],
    "remind_unanswered": ["system"],
]

/// Statuses in which work may still happen; notes and escalations leave the status as it is.
private let stayInOpenStatus: [ComplaintStatus: ComplaintStatus] = [
    .received: .received,
    .dispatched: .dispatched,
    .verified: .verified,
    .inProgress: .inProgress,
    .awaitingValidation: .awaitingValidation,
    .resolved: .resolved,
    .postponed: .postponed,
    .forwarded: .forwarded,
    .awaitingReporter: .awaitingReporter,
]

/// For each action, the statuses it may start from and the status it leads to. Anything absent is refused.
private let roads: [String: [ComplaintStatus: ComplaintStatus]] = [
    "dispatch": [.received: .dispatched],
    "verify": [.dispatched: .verified],
    "claim": [.dispatched: .inProgress, .verified: .inProgress, .postponed: .inProgress],
    "details": [.dispatched: .dispatched, .verified: .verified, .inProgress: .inProgress, .awaitingValidation: .awaitingValidation,
                .resolved: .resolved, .postponed: .postponed, .forwarded: .forwarded, .awaitingReporter: .awaitingReporter],
    "assign": [.dispatched: .dispatched, .verified: .verified, .inProgress: .inProgress, .postponed: .postponed,
               .awaitingValidation: .awaitingValidation, .awaitingReporter: .awaitingReporter],
    "dispose": [.dispatched: .dispatched, .verified: .verified, .inProgress: .inProgress, .postponed: .postponed,
                .awaitingReporter: .awaitingReporter],
    "note": stayInOpenStatus,
    "resolve": [.inProgress: .resolved],
    "request_validation": [.inProgress: .awaitingValidation],
    "validate": [.awaitingValidation: .resolved],
    "reject_follow_up": [.awaitingValidation: .inProgress],
    // From a case waiting for the reporter only once their time ran out (LifecycleAnsweringTests).
    "reject": [.dispatched: .rejected, .verified: .rejected, .awaitingReporter: .rejected],
    "postpone": [.verified: .postponed, .inProgress: .postponed],
    "mark_duplicate": [.dispatched: .duplicate, .verified: .duplicate],
    "link_duplicate": [.received: .duplicate],
    "close": [.resolved: .closed],
    "reopen": [.resolved: .inProgress],
    "accept": [.resolved: .closed],
    "escalate.raise_priority": stayInOpenStatus,
    "escalate.set_deadline": stayInOpenStatus,
    "escalate.inspectorate": stayInOpenStatus,
    "escalate.overdue": stayInOpenStatus,
    "escalate.move_category": [
        .received: .received, .dispatched: .received, .verified: .received, .inProgress: .received,
        .awaitingValidation: .received, .resolved: .received, .postponed: .received, .forwarded: .received,
        .awaitingReporter: .received,
    ],
    "forward": [.dispatched: .forwarded, .verified: .forwarded, .inProgress: .forwarded, .postponed: .forwarded],
    "accept_forward": [.forwarded: .verified],
    "return_forward": [.forwarded: .verified],
    "investigate": [.dispatched: .inProgress, .verified: .inProgress],
    "findings": [.inProgress: .inProgress],
    "decide": [.inProgress: .closed],
    // Answering: a question from a step the agency works; a reply to any open case (the status a waiting
    // case resumes is the whole case's, LifecycleAnsweringTests); the reminder once the reporter's time ran out.
    "ask": [.dispatched: .awaitingReporter, .verified: .awaitingReporter, .inProgress: .awaitingReporter],
    "reply": stayInOpenStatus,
    "remind_unanswered": [.awaitingReporter: .awaitingReporter],
]

private let staff = Complaints.Actor.account(id: 11, role: .staff)
private let validator = Complaints.Actor.account(id: 13, role: .validator)
private let inspector = Complaints.Actor.account(id: 14, role: .inspector)

/// Applies a chain of actions, failing the test at the first refusal.
private func walk(_ steps: [(CaseAction, Complaints.Actor)], from start: ComplaintStatus) throws -> ComplaintStatus {
    var status = start
    for (action, actor) in steps {
        status = try Lifecycle.apply(action, to: status, by: actor).get().to
    }
    return status
}

@Suite struct LifecycleTests {
    @Test func tableCoversEveryRowAndActor() {
        #expect(Set(everyAction.map(row)) == Set(mayAsk.keys))
        #expect(Set(roads.keys) == Set(mayAsk.keys))
        #expect(mayAsk.values.allSatisfy { $0.isSubset(of: actors.map(\.name)) })
    }

    @Test(arguments: everyAction, ComplaintStatus.allCases)
    func applyFollowsTheTransitionTable(action: CaseAction, status: ComplaintStatus) throws {
        let allowedActors = try #require(mayAsk[row(action)])
        let allowedRoads = try #require(roads[row(action)])
        for (name, actor) in actors {
            let expected: Result<ComplaintStatus, Refusal>
            if !allowedActors.contains(name) {
                expected = .failure(.roleNotAllowed(action: action.name.rawValue))
            } else if let target = allowedRoads[status] {
                expected = .success(target)
            } else {
                expected = .failure(.notAllowedInStatus(action: action.name.rawValue, status: status))
            }
            let actual = Lifecycle.apply(action, to: status, by: actor).map(\.to)
            #expect(actual == expected, "\(row(action)) on \(status.rawValue) by \(name)")
        }
    }

    @Test func theMainRoadLeadsFromReceivedToClosed() throws {
        let end = try walk([
            (.dispatch, .system),
            (.verify, staff),
            (.claim, staff),
            (.requestValidation(note: "Sudah diperbaiki."), staff),
            (.rejectFollowUp(reason: "Belum terlihat."), validator),
            (.requestValidation(note: "Foto baru terlampir."), staff),
            (.validate, validator),
            (.close, .system),
        ], from: .received)
        #expect(end == .closed)
    }

    @Test func aReopenedCaseCanBeResolvedAgain() throws {
        let end = try walk([
            (.reopen(reason: "Rusak lagi.", rating: 2), .citizen),
            (.resolve(note: "Diperbaiki ulang."), staff),
        ], from: .resolved)
        #expect(end == .resolved)
    }

    // MARK: the citizen's answer to a resolution

    @Test func aClosedCaseCannotBeReopened() {
        #expect(Lifecycle.apply(.reopen(reason: "Rusak lagi.", rating: 1), to: .closed, by: .citizen)
            == .failure(.notAllowedInStatus(action: "reopen", status: .closed)))
    }

    @Test func notesAndReasonsHaveAtMostTheSchemasLength() throws {
        let long = String(repeating: "a", count: Lifecycle.maxNoteLength + 1)
        for action in [CaseAction.addNote(text: long, isPublic: true), .resolve(note: long), .postpone(reason: long),
                       .reject(reason: long)] {
            #expect(Lifecycle.apply(action, to: .inProgress, by: staff) == .failure(.noteTooLong), "\(action.name)")
        }
        #expect(Lifecycle.apply(.accept(rating: 4, comment: long), to: .resolved, by: .citizen) == .failure(.noteTooLong))
        #expect(Lifecycle.apply(.reopen(reason: long, rating: 1), to: .resolved, by: .citizen) == .failure(.noteTooLong))
        let longest = String(repeating: "a", count: Lifecycle.maxNoteLength)
        #expect(try Lifecycle.apply(.addNote(text: longest, isPublic: false), to: .inProgress, by: staff).get().note == longest)
        #expect(Refusal.noteTooLong.code == "note_too_long")
    }

    @Test(arguments: [3, 4, 5, 0, -1, 6])
    func onlyALowRatingReopens(rating: Int) {
        #expect(Lifecycle.apply(.reopen(reason: "Masih bocor.", rating: rating), to: .resolved, by: .citizen)
            == .failure(.lowRatingRequired))
    }

    @Test func theCitizensAnswerIsAReopeningOnlyForALowRating() {
        #expect(CitizenRating.answer(rating: 1, reason: "Masih bocor.") == .reopen(reason: "Masih bocor.", rating: 1))
        #expect(CitizenRating.answer(rating: 2, reason: "") == .reopen(reason: "", rating: 2))
        #expect(CitizenRating.answer(rating: 3, reason: "Cukup.") == .accept(rating: 3, comment: "Cukup."))
        #expect(CitizenRating.answer(rating: 4, reason: "  ") == .accept(rating: 4, comment: nil))
        #expect(CitizenRating.answer(rating: 9, reason: "") == .accept(rating: 9, comment: nil), "refused by accept, which names the scale")
    }

    @Test(arguments: [0, 6, -3, 100])
    func acceptingNeedsARatingOnTheScale(rating: Int) {
        #expect(Lifecycle.apply(.accept(rating: rating, comment: nil), to: .resolved, by: .citizen) == .failure(.ratingOutOfScale))
    }

    @Test(arguments: CitizenRating.scale)
    func theRatingIsCarriedOnTheEvent(rating: Int) throws {
        let accepted = try Lifecycle.apply(.accept(rating: rating, comment: "Terima kasih."), to: .resolved, by: .citizen).get()
        #expect(accepted.kind.rawValue == "accepted")
        #expect(accepted.rating == rating)
        #expect(accepted.to == .closed)
        #expect(accepted.note == "Terima kasih.")
        if CitizenRating.reopening.contains(rating) {
            let reopened = try Lifecycle.apply(.reopen(reason: "Belum beres.", rating: rating), to: .resolved, by: .citizen).get()
            #expect(reopened.rating == rating)
            #expect(reopened.kind.rawValue == "reopened")
        }
    }

    // MARK: notes and reasons

    @Test(arguments: ["", " ", "\n\t ", "\u{3000}"])
    func blankNotesAreRefused(blank: String) {
        #expect(Lifecycle.apply(.resolve(note: blank), to: .inProgress, by: staff) == .failure(.noteRequired))
        #expect(Lifecycle.apply(.requestValidation(note: blank), to: .inProgress, by: staff) == .failure(.noteRequired))
        #expect(Lifecycle.apply(.addNote(text: blank, isPublic: true), to: .verified, by: staff) == .failure(.noteRequired))
        #expect(Lifecycle.apply(.addNote(text: blank, isPublic: false), to: .verified, by: inspector) == .failure(.noteRequired))
    }

    @Test(arguments: ["", " ", "\n\t "])
    func blankReasonsAreRefused(blank: String) {
        #expect(Lifecycle.apply(.reject(reason: blank), to: .verified, by: staff) == .failure(.reasonRequired))
        #expect(Lifecycle.apply(.postpone(reason: blank), to: .inProgress, by: staff) == .failure(.reasonRequired))
        #expect(Lifecycle.apply(.rejectFollowUp(reason: blank), to: .awaitingValidation, by: validator) == .failure(.reasonRequired))
        #expect(Lifecycle.apply(.reopen(reason: blank, rating: 1), to: .resolved, by: .citizen) == .failure(.answerReasonRequired))
    }

    @Test func notesAndReasonsAreCarriedOnTheEvent() throws {
        #expect(try Lifecycle.apply(.resolve(note: "Ditambal."), to: .inProgress, by: staff).get().note == "Ditambal.")
        #expect(try Lifecycle.apply(.reject(reason: "Di luar wilayah."), to: .verified, by: staff).get().note == "Di luar wilayah.")
        #expect(try Lifecycle.apply(.reopen(reason: "Masih bocor.", rating: 2), to: .resolved, by: .citizen).get().note == "Masih bocor.")
        #expect(try Lifecycle.apply(.addNote(text: "Dicek.", isPublic: true), to: .verified, by: staff).get().note == "Dicek.")
        #expect(try Lifecycle.apply(.markDuplicate(of: "ABCDEFGHJKMNP"), to: .verified, by: staff).get().duplicateOf == "ABCDEFGHJKMNP")
    }

    // MARK: escalation

    @Test(arguments: [ComplaintStatus.received, .dispatched, .verified, .inProgress, .awaitingValidation, .resolved, .postponed])
    func escalatingToAnotherCategoryRestartsTheCaseAsReceived(status: ComplaintStatus) throws {
        let transition = try Lifecycle.apply(.escalate(.moveToCategory("pju")), to: status, by: inspector).get()
        #expect(transition.to == .received)
        #expect(transition.kind.rawValue == "escalated")
        #expect(transition.movedTo == "pju")
        #expect(transition.escalation == .moveToCategory("pju"))
    }

    @Test(arguments: [Escalation.raisePriority(.high), .setDeadline(Date(timeIntervalSince1970: 1_710_000_000)), .handToInspectorate])
    func otherEscalationsKeepTheStatus(escalation: Escalation) throws {
        for status in [ComplaintStatus.dispatched, .inProgress, .postponed] {
            let transition = try Lifecycle.apply(.escalate(escalation), to: status, by: inspector).get()
            #expect(transition.to == status)
            #expect(transition.kind.rawValue == "escalated")
            #expect(transition.escalation == escalation)
            #expect(transition.movedTo == nil)
        }
    }

    // MARK: the event

    @Test func claimAndOpeningAnInvestigationAssignTheActor() throws {
        #expect(try Lifecycle.apply(.claim, to: .verified, by: staff).get().assignsActor)
        #expect(try Lifecycle.apply(.investigate, to: .verified, by: inspector).get().assignsActor)
    }

    @Test(arguments: everyAction.filter { $0 != .claim && $0 != .investigate }, ComplaintStatus.allCases)
    func nothingButClaimAndInvestigateAssignsTheActor(action: CaseAction, status: ComplaintStatus) {
        for (_, actor) in actors {
            if case .success(let transition) = Lifecycle.apply(action, to: status, by: actor) {
                #expect(!transition.assignsActor, "\(row(action)) on \(status.rawValue)")
            }
        }
    }

    @Test(arguments: [
        (CaseAction.dispatch, ComplaintStatus.received, Complaints.Actor.system, "dispatched", true),
        (.verify, .dispatched, staff, "verified", true),
        (.claim, .verified, staff, "claimed", true),
        (.assign(to: 7), .inProgress, staff, "assigned", false),
        (.dispose(to: "dpupr-pju"), .verified, staff, "disposed", true),
        (.updateDetails(["plate": "B 1234 XYZ"]), .verified, staff, "details_updated", false),
        (.resolve(note: "n"), .inProgress, staff, "resolved", true),
        (.requestValidation(note: "n"), .inProgress, staff, "validation_requested", true),
        (.validate, .awaitingValidation, validator, "validated", true),
        (.rejectFollowUp(reason: "r"), .awaitingValidation, validator, "follow_up_rejected", false),
        (.reject(reason: "r"), .verified, staff, "rejected", true),
        (.postpone(reason: "r"), .verified, staff, "postponed", true),
        (.markDuplicate(of: "ABCDEFGHJKMNP"), .dispatched, staff, "marked_duplicate", true),
        (.close, .resolved, staff, "closed", true),
        (.reopen(reason: "r", rating: 2), .resolved, .citizen, "reopened", true),
        (.accept(rating: 3, comment: nil), .resolved, .citizen, "accepted", true),
        (.addNote(text: "n", isPublic: true), .inProgress, staff, "note", true),
        (.addNote(text: "n", isPublic: false), .inProgress, staff, "note", false),
        (.escalate(.handToInspectorate), .inProgress, inspector, "escalated", true),
        (.ask(question: "q"), .inProgress, staff, "question_asked", true),
        (.reply(text: "t"), .awaitingReporter, .citizen, "reporter_replied", false),
        (.remindUnanswered, .awaitingReporter, .system, "reporter_unanswered", false),
    ])
    func eventsHaveTheirKindAndVisibility(action: CaseAction, status: ComplaintStatus, actor: Complaints.Actor,
                                          kind: String, isPublic: Bool) throws {
        let transition = try Lifecycle.apply(action, to: status, by: actor).get()
        #expect(transition.kind.rawValue == kind)
        #expect(transition.isPublic == isPublic)
    }

    @Test func refusalsHaveStableCodes() {
        #expect(Refusal.roleNotAllowed(action: "claim").code == "forbidden_action")
        #expect(Refusal.notAllowedInStatus(action: "claim", status: .closed).code == "invalid_transition")
        #expect(Refusal.noteRequired.code == "note_required")
        #expect(Refusal.reasonRequired.code == "reason_required")
    }

    @Test func publicRoleNeverNamesThePerson() {
        #expect(Complaints.Actor.account(id: 42, role: .inspector).publicRole.rawValue == "inspector")
        #expect(Complaints.Actor.citizen.publicRole.rawValue == "citizen")
        #expect(Complaints.Actor.system.publicRole.rawValue == "system")
    }
}

// MARK: the parent of a request that fans out (Lifecycle+FanOut.swift)

extension LifecycleTests {
    /// The parent's row of the table: no action of any actor, in any status, is taken on it.
    @Test(arguments: everyAction, ComplaintStatus.allCases)
    func noActorTakesAnyActionOnAParent(_ action: CaseAction, _ status: ComplaintStatus) {
        let parent = Case(id: 7, trackingCode: "ABCDEFGHJKMNP", category: "kependudukan", subcategory: "bayi-baru-lahir",
                          module: .intake, agency: "disdukcapil", channel: .web, status: status, priority: .normal,
                          description: "Bayi lahir 1 Desember", location: nil, kelurahan: nil, kecamatan: nil, lat: nil, lon: nil,
                          anonymous: false, confidential: false, inspectorate: false, escalationLevel: 0, overdueStep: 0,
                          assignedTo: nil, subUnit: nil, dueAt: nil, createdAt: Date(timeIntervalSince1970: 1_795_000_000),
                          updatedAt: Date(timeIntervalSince1970: 1_795_000_000), moduleFields: [:], requestType: "bayi-baru-lahir")
        for (name, actor) in actors {
            let decided = Lifecycle.apply(action, to: parent, by: Acting(actor, from: "198.51.100.7"), at: Date(), context: CaseContext())
            #expect(decided == .failure(.parentNotWorked), "\(name) \(row(action)) on a \(status.rawValue) parent: \(decided)")
        }
    }
}
