import Complaints
import Foundation
import Testing

private let now = Date(timeIntervalSince1970: 1_795_417_200)

/// The parent of the newborn's request, as intake stores it.
private func parent(status: ComplaintStatus = .received, confidential: Bool = false) -> Case {
    Case(id: 70, trackingCode: "ABCDEFGHJKMNP", category: "kependudukan", subcategory: "bayi-baru-lahir", module: .intake,
         agency: "disdukcapil", channel: .web, status: status, priority: .normal, description: "Bayi lahir 1 Desember",
         location: "RSUD Kota", kelurahan: "Sukamaju", kecamatan: "Cibeunying", lat: nil, lon: nil, anonymous: true,
         confidential: confidential, inspectorate: false, escalationLevel: 0, overdueStep: 0, assignedTo: nil, subUnit: nil,
         dueAt: nil, createdAt: now, updatedAt: now, moduleFields: [:], requestType: "bayi-baru-lahir")
}

private let newborn: [RequestPart] = [
    RequestPart(requestType: "bayi-baru-lahir", agency: "rsud", route: CategoryRoute(category: "kesehatan", module: .intake, agency: "dinkes"),
                nameID: "Surat keterangan lahir", nameEN: "Birth notice"),
    RequestPart(requestType: "bayi-baru-lahir", agency: "disdukcapil",
                route: CategoryRoute(category: "kependudukan", module: .intake, agency: "disdukcapil"),
                nameID: "Akta kelahiran dan kartu keluarga", nameEN: "Birth certificate and family card"),
    RequestPart(requestType: "bayi-baru-lahir", agency: "bpjs-kesehatan", route: CategoryRoute(category: "sosial", module: .social, agency: "dinsos"),
                nameID: "Kepesertaan BPJS Kesehatan bayi", nameEN: "Health insurance (BPJS) for the baby"),
]

private func children(of stored: Case = parent()) -> [Case] {
    stored.parts(newborn.enumerated().map { ($1, Int64(71 + $0), TrackingCode.generate()) })
}

/// The hospital's part of the newborn's request, as the store loads it.
private func hospitalPart(status: ComplaintStatus) -> Case {
    Case(id: 71, trackingCode: "QRSTUVWXYZ234", category: "kesehatan", subcategory: nil, module: .intake, agency: "rsud",
         channel: .web, status: status, priority: .normal, description: "Bayi lahir 1 Desember", location: nil, kelurahan: nil,
         kecamatan: nil, lat: nil, lon: nil, anonymous: false, confidential: false, inspectorate: false, escalationLevel: 0,
         overdueStep: 0, assignedTo: 11, subUnit: nil, dueAt: nil, createdAt: now, updatedAt: now, moduleFields: [:], parentID: 70)
}

private let officer = Acting(Complaints.Actor.account(id: 11, role: .staff), from: "198.51.100.7")

private func worked(_ action: CaseAction, from status: ComplaintStatus) throws -> CaseChange {
    try Lifecycle.apply(action, to: hospitalPart(status: status), by: officer, at: now, context: CaseContext()).get()
}

@Suite struct LifecycleFanOutTests {
    @Test func aPageOffersNothingOnTheParentAndNoQuestionOnAPart() {
        #expect(!Lifecycle.offers(.verify, on: parent(), to: officer.who))
        #expect(!Lifecycle.offers(.ask(question: "?"), on: hospitalPart(status: .inProgress), to: officer.who))
        #expect(Lifecycle.offers(.resolve(note: "Selesai."), on: hospitalPart(status: .inProgress), to: officer.who))
    }

    @Test func eachPartIsACaseAtItsAgencyInItsCategorysModuleAboutWhatTheCitizenWrote() {
        let parts = children(of: parent(confidential: true))
        #expect(parts.map(\.agency) == ["rsud", "disdukcapil", "bpjs-kesehatan"])
        #expect(parts.map(\.module) == [.intake, .intake, .social])
        #expect(parts.map(\.category) == ["kesehatan", "kependudukan", "sosial"])
        #expect(parts.allSatisfy { $0.parentID == 70 && !$0.isParent && $0.status == .received && $0.confidential && $0.anonymous })
        #expect(parts.allSatisfy { $0.description == "Bayi lahir 1 Desember" && $0.kelurahan == "Sukamaju" && $0.subcategory == nil })
        #expect(Set(parts.map(\.trackingCode)).count == 3 && !parts.map(\.trackingCode).contains("ABCDEFGHJKMNP"))
    }

    @Test func receivingSendsEachPartToItsModuleAndTellsTheReporterOnlyOfTheParent() throws {
        let stored = parent()
        let changes = try Lifecycle.receive(parent: stored, children: children(of: stored), open311Details: ["address_id": "9"], at: now).get()
        #expect(changes.count == 4)
        #expect(changes.allSatisfy { $0.events.map(\.kind) == [.submitted] && !$0.changesCase })
        #expect(changes[0].outbox.map(\.destination) == [.reporter], "the parent is never sent to a module: \(changes[0].outbox)")
        #expect(changes[0].events[0].details.open311 == ["address_id": "9"])
        #expect(changes.dropFirst().map { $0.outbox.map(\.destination) } == [[.module(.intake)], [.module(.intake)], [.module(.social)]])
    }

    /// The parent's status for its parts' (written from the rule: done when all are).
    @Test(arguments: [
        ([ComplaintStatus.received, .received, .received], ComplaintStatus.received),
        ([.dispatched, .received, .received], .dispatched),
        ([.dispatched, .verified, .forwarded], .dispatched),
        ([.verified, .verified, .verified], .verified),
        ([.inProgress, .dispatched, .received], .inProgress),
        ([.postponed, .verified, .verified], .inProgress),
        ([.closed, .dispatched, .dispatched], .inProgress),
        ([.resolved, .awaitingValidation, .closed], .inProgress),
        ([.resolved, .resolved, .closed], .resolved),
        ([.closed, .rejected, .resolved], .resolved),
        ([.closed, .closed, .closed], .closed),
        ([.closed, .rejected, .duplicate], .closed),
        ([.rejected, .rejected, .rejected], .rejected),
    ])
    func theParentFollowsItsParts(_ parts: [ComplaintStatus], _ expected: ComplaintStatus) {
        #expect(Lifecycle.parentStatus(following: parts) == expected)
    }

    @Test func theParentClosesOnlyWhenItsLastPartCloses() {
        #expect(Lifecycle.parentStatus(following: [.closed, .closed, .inProgress]) == .inProgress)
        #expect(Lifecycle.parentStatus(following: [.closed, .closed, .resolved]) == .resolved)
        #expect(Lifecycle.parentStatus(following: [.closed, .closed, .closed]) == .closed)
    }

    @Test func aChangeOfTheParentsStatusIsOnePublicEventAndOneNoticeToTheReporter() throws {
        let change = try #require(Lifecycle.follow(parent(status: .dispatched), parts: [.inProgress, .dispatched, .dispatched], at: now))
        #expect(change.after.status == .inProgress && change.changesCase && change.audit == nil)
        #expect(change.events.map(\.kind) == [.partsProgressed] && change.events[0].isPublic && change.events[0].actor == .system)
        #expect(change.events[0].fromStatus == .dispatched && change.events[0].toStatus == .inProgress)
        let notices = change.outbox.compactMap { $0.message as? ReporterNotice }
        #expect(notices.map(\.notice) == [.progressed] && notices[0].status == .inProgress && notices[0].trackingCode == "ABCDEFGHJKMNP")
        #expect(change.stampsClosed == false)
        let closing = try #require(Lifecycle.follow(parent(status: .resolved), parts: [.closed, .closed, .closed], at: now))
        #expect(closing.after.status == .closed && closing.stampsClosed)
    }

    @Test func aPartsStepThatLeavesTheParentsStatusChangesNothingAndTellsNobody() {
        #expect(Lifecycle.follow(parent(status: .inProgress), parts: [.inProgress, .resolved, .verified], at: now) == nil)
        #expect(Lifecycle.follow(parent(status: .inProgress), parts: [.closed, .inProgress, .dispatched], at: now) == nil)
    }

    @Test func aCaseThatIsNoParentFollowsNothing() {
        let part = children()[0]
        #expect(Lifecycle.follow(part, parts: [.closed], at: now) == nil)
    }

    @Test func workingTheParentIsRefusedAsAConflictInBothLanguages() {
        let refusal = Refusal.parentNotWorked
        #expect(refusal.status == 409 && refusal.code == "parent_case")
        #expect(refusal.message(.id).contains("instansi") && refusal.message(.en).contains("agency"))
    }

    // MARK: the parts' words reach the reporter through the request

    @Test func aPartsResolutionWordGoesOnTheParentsProgressNamingTheAgencyAndReachesTheReporterOnce() throws {
        let resolved = try worked(.resolve(note: "Surat keterangan lahir sudah terbit."), from: .inProgress)
        #expect(Lifecycle.concernsParent(resolved))
        let word = try #require(Lifecycle.partWord(of: resolved, agencyName: "Rumah Sakit Umum Daerah"))
        #expect(word == PartWord(text: "Rumah Sakit Umum Daerah: Surat keterangan lahir sudah terbit.", actor: officer.who))
        let change = try #require(Lifecycle.follow(parent(status: .inProgress), parts: [.resolved, .resolved, .closed], word: word, at: now))
        #expect(change.after.status == .resolved)
        #expect(change.events.map(\.kind) == [.partsProgressed] && change.events[0].isPublic && change.events[0].note == word.text)
        let notices = change.outbox.compactMap { $0.message as? ReporterNotice }
        #expect(notices.map(\.notice) == [.progressed] && notices[0].note == word.text, "one notice, with the agency's word")
    }

    @Test func aPartsPublicWordThatMovesNothingIsAPublicNoteOnTheRequest() throws {
        let noted = try worked(.addNote(text: "Silakan ambil di loket 3 dengan KTP.", isPublic: true), from: .inProgress)
        #expect(Lifecycle.concernsParent(noted), "the status stays, the word is passed on")
        let word = try #require(Lifecycle.partWord(of: noted, agencyName: "Rumah Sakit Umum Daerah"))
        let change = try #require(Lifecycle.follow(parent(status: .inProgress), parts: [.inProgress, .dispatched, .dispatched],
                                                   word: word, at: now))
        #expect(change.after.status == .inProgress && change.events.count == 1)
        #expect(change.events[0].kind == .note && change.events[0].isPublic && change.events[0].actor == officer.who)
        #expect(change.events[0].note == "Rumah Sakit Umum Daerah: Silakan ambil di loket 3 dengan KTP.")
        #expect(change.outbox.compactMap { ($0.message as? ReporterNotice)?.notice } == [.note])
    }

    @Test func theReasonOfARejectedPartReachesTheReporter() throws {
        let rejected = try worked(.reject(reason: "Surat nikah orang tua belum dilampirkan."), from: .verified)
        #expect(Lifecycle.partWord(of: rejected, agencyName: "Dinas Kependudukan dan Pencatatan Sipil")?.text
                == "Dinas Kependudukan dan Pencatatan Sipil: Surat nikah orang tua belum dilampirkan.")
    }

    @Test func internalWordsAndAgencyNamesStayWithThePart() throws {
        let internalNote = try worked(.addNote(text: "Berkas di meja Bu Ani.", isPublic: false), from: .inProgress)
        #expect(Lifecycle.partWord(of: internalNote, agencyName: "RSUD") == nil && !Lifecycle.concernsParent(internalNote))
        let agencies = Agency(code: "dinkes", nameID: "Dinas Kesehatan", nameEN: "Health office", module: .intake)
        let forwarded = try Lifecycle.apply(.forward(to: "dinkes", reason: "Bukan kewenangan RSUD."), to: hospitalPart(status: .verified),
                                            by: officer, at: now, context: CaseContext(agency: agencies)).get()
        #expect(Lifecycle.partWord(of: forwarded, agencyName: "RSUD") == nil, "the parts list names the agency already")
        #expect(Lifecycle.concernsParent(forwarded), "its status changed")
        let ordinary = try Lifecycle.apply(.resolve(note: "Sudah."), to: sample(status: .inProgress), by: officer, at: now,
                                           context: CaseContext()).get()
        #expect(Lifecycle.partWord(of: ordinary, agencyName: "RSUD") == nil && !Lifecycle.concernsParent(ordinary))
    }

    @Test func aLongWordKeepsTheAgencysNameAndFitsTheTimeline() throws {
        let long = String(repeating: "a", count: Lifecycle.maxNoteLength)
        let word = try #require(Lifecycle.partWord(of: try worked(.resolve(note: long), from: .inProgress), agencyName: "RSUD"))
        #expect(word.text.count == Lifecycle.maxNoteLength && word.text.hasPrefix("RSUD: aaa") && word.text.hasSuffix("a…"))
    }

    // MARK: asking

    @Test func aQuestionOnAPartIsRefusedForItWouldReachNobody() {
        let asked = Lifecycle.apply(.ask(question: "Nomor KK orang tua?"), to: hospitalPart(status: .inProgress), by: officer, at: now,
                                    context: CaseContext())
        #expect(asked == .failure(.partNotAsked))
        #expect(Refusal.partNotAsked.status == 409 && Refusal.partNotAsked.code == "part_not_asked")
        #expect(Lifecycle.fanOutRefusal(.claim, on: hospitalPart(status: .dispatched)) == nil, "the part is worked otherwise")
        #expect(Lifecycle.fanOutRefusal(.ask(question: "?"), on: sample(status: .inProgress)) == nil)
        #expect(hospitalPart(status: .inProgress).reporterCaseID == 70 && sample(status: .inProgress).reporterCaseID == 7)
    }
}

/// A case that is no part of any request.
private func sample(status: ComplaintStatus) -> Case {
    Case(id: 7, trackingCode: "ABCDEFGHJKMNQ", category: "pekerjaan-umum", subcategory: nil, module: .publicWorks, agency: "dpupr",
         channel: .web, status: status, priority: .normal, description: "Jalan berlubang", location: nil, kelurahan: nil,
         kecamatan: nil, lat: nil, lon: nil, anonymous: false, confidential: false, inspectorate: false, escalationLevel: 0,
         overdueStep: 0, assignedTo: 11, subUnit: nil, dueAt: nil, createdAt: now, updatedAt: now, moduleFields: [:])
}
