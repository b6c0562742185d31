import Complaints
import Foundation
import Testing

/// The chain as a table: every step, every action, every position; leave and stand-ins.
struct LetterChainTests {
    static let village = RegionCode("35.99.01.2001")!
    static let otherVillage = RegionCode("35.99.01.2002")!
    static let district = RegionCode("35.99.01")!
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let today = WorkingCalendar().day(of: now)

    static func official(_ id: Int64, _ position: LetterPosition, _ region: RegionCode? = nil) -> Official {
        Official(accountID: id, position: position, region: region ?? (position.inVillage ? village : district), name: "Pejabat \(id)",
                 nip: nil)
    }

    static let frontOffice = official(1, .villageFrontOffice)
    static let secretary = official(2, .villageSecretary)
    static let head = official(3, .villageHead)
    static let districtFront = official(4, .districtFrontOffice)
    static let serviceHead = official(5, .districtServiceHead)
    static let camat = official(6, .districtHead)
    static let districtAdmin = official(7, .districtAdmin)
    static let sekcam = official(8, .districtServiceHead)
    static let everyone = [frontOffice, secretary, head, districtFront, serviceHead, camat, districtAdmin]

    static func letter(_ step: LetterStep, reachesDistrict: Bool = false) -> Letter {
        Letter(id: 10, code: "ABCDEFGHJKMNP", typeCode: reachesDistrict ? "pindah" : "domisili", reachesDistrict: reachesDistrict,
               village: village, step: step, stepSince: now.addingTimeInterval(-3600), dueAt: now.addingTimeInterval(86_400 * 3),
               deadlineDays: 3, stepDueAt: now.addingTimeInterval(86_400 * 2), version: 4)
    }

    static func desk(_ leaves: [Leave] = []) -> StepDesk { StepDesk(holders: everyone, leaves: leaves, today: today) }

    static func apply(_ action: LetterAction, _ step: LetterStep, by official: Official, reachesDistrict: Bool = false,
                      leaves: [Leave] = []) throws(Refusal) -> LetterTransition {
        try LetterChain.apply(action, to: letter(step, reachesDistrict: reachesDistrict), by: official, desk: desk(leaves), at: now,
                              calendar: WorkingCalendar())
    }

    /// (step, action, who, goes on to the kecamatan, the step after)
    static let transitions: [(LetterStep, LetterAction, Official, Bool, LetterStep)] = [
        (.correction, .pass, frontOffice, false, .villageCheck),
        (.villageCheck, .pass, secretary, false, .villageSign),
        (.villageCheck, .return(reason: "NIK salah"), secretary, false, .correction),
        (.villageCheck, .reject(reason: "Bukan warga"), secretary, false, .rejected),
        (.villageSign, .sign, head, false, .ready),
        (.villageSign, .sign, head, true, .districtReceive),
        (.villageSign, .reject(reason: "Data palsu"), head, true, .rejected),
        (.districtReceive, .pass, districtFront, true, .districtCheck),
        (.districtCheck, .pass, serviceHead, true, .districtSign),
        (.districtCheck, .return(reason: "Lampiran kurang"), serviceHead, true, .correction),
        (.districtCheck, .reject(reason: "Tidak berwenang"), serviceHead, true, .rejected),
        (.districtSign, .sign, camat, true, .ready),
        (.districtSign, .reject(reason: "Ditolak camat"), camat, true, .rejected),
    ]

    @Test(arguments: transitions.indices)
    func eachAllowedActionMovesTheLetterOnWithAnEventAndAnAuditAction(_ index: Int) throws {
        let (step, action, official, reachesDistrict, next) = Self.transitions[index]
        let transition = try Self.apply(action, step, by: official, reachesDistrict: reachesDistrict)
        #expect(transition.letter.step == next)
        #expect(transition.letter.version == 5)
        #expect(transition.letter.stepSince == Self.now)
        #expect(transition.event.from == step && transition.event.to == next)
        #expect(transition.event.actorPosition == official.position && transition.event.actorID == official.accountID)
        #expect(transition.event.onBehalfOf == nil)
        #expect(transition.event.note == action.reason)
        // Each step is due the type's working days from its start; a final step records the moment itself.
        let stepDue = next.isFinal ? Self.now : WorkingCalendar().adding(workingDays: 3, to: Self.now)
        #expect(transition.event.dueAt == stepDue && transition.letter.stepDueAt == stepDue)
        #expect(transition.letter.dueAt == Self.letter(step).dueAt)
        #expect(transition.auditAction == "letter.\(action.kind.rawValue)")
        #expect((transition.signature != nil) == (action == .sign))
        #expect(transition.numberedBy == (next == .ready ? (step == .districtSign ? Self.district : Self.village) : nil))
    }

    @Test func aStepBegunOnFridayIsDueTheTypesWorkingDaysLaterSkippingTheWeekendAndOverdueOnlyAfterIt() throws {
        // 1_800_000_000 is Friday 15 January 2027, 15.00 WIB: three working days later is Wednesday the 20th.
        let transition = try Self.apply(.pass, .villageCheck, by: Self.secretary)
        #expect(transition.letter.stepDueAt == Self.now.addingTimeInterval(5 * 86_400))
        #expect(!transition.letter.isOverdue(at: Self.now.addingTimeInterval(5 * 86_400)))
        #expect(transition.letter.isOverdue(at: Self.now.addingTimeInterval(5 * 86_400 + 1)))
        var finished = Self.letter(.ready)
        finished.stepDueAt = Self.now.addingTimeInterval(-86_400)
        #expect(!finished.isOverdue(at: Self.now))
    }

    @Test func everyStepTakesOnlyItsActions() throws {
        let allowed: [LetterStep: Set<LetterAction.Kind>] = [
            .correction: [.pass], .villageCheck: [.pass, .return, .reject], .villageSign: [.sign, .reject],
            .districtReceive: [.pass], .districtCheck: [.pass, .return, .reject], .districtSign: [.sign, .reject],
        ]
        for (step, kinds) in allowed {
            let holder = Self.everyone.first { $0.position == step.position }!
            for kind in LetterAction.Kind.allCases where !kinds.contains(kind) {
                let action: LetterAction = kind == .pass ? .pass : kind == .sign ? .sign : kind == .return ? .return(reason: "x") : .reject(reason: "x")
                #expect(throws: Refusal.actionNotAllowed(kind, at: step)) { try Self.apply(action, step, by: holder, reachesDistrict: true) }
            }
        }
    }

    @Test func onlyThePositionHoldingTheStepActsOnIt() throws {
        for step in LetterStep.allCases where !step.isFinal {
            for official in Self.everyone where official.position != step.position {
                #expect(throws: Refusal.notYourStep) { try Self.apply(.sign, step, by: official, reachesDistrict: true) }
            }
        }
    }

    @Test func theSamePositionOfAnotherVillageDoesNotHoldTheStep() throws {
        let elsewhere = Self.official(30, .villageSecretary, Self.otherVillage)
        #expect(throws: Refusal.notYourStep) { try Self.apply(.pass, .villageCheck, by: elsewhere) }
        let otherDistrict = Self.official(31, .districtHead, RegionCode("35.99.02")!)
        #expect(throws: Refusal.notYourStep) { try Self.apply(.sign, .districtSign, by: otherDistrict, reachesDistrict: true) }
    }

    @Test func aFinishedLetterTakesNoAction() throws {
        for step in [LetterStep.ready, .rejected] {
            #expect(throws: Refusal.letterFinished) { try Self.apply(.pass, step, by: Self.frontOffice) }
        }
    }

    @Test func aReturnOrRejectionNeedsAReason() throws {
        #expect(throws: Refusal.letterReasonRequired) { try Self.apply(.return(reason: "  \n"), .villageCheck, by: Self.secretary) }
        #expect(throws: Refusal.letterReasonRequired) { try Self.apply(.reject(reason: ""), .districtSign, by: Self.camat, reachesDistrict: true) }
        #expect(throws: Refusal.letterReasonRequired) {
            try Self.apply(.reject(reason: String(repeating: "a", count: 1001)), .villageCheck, by: Self.secretary)
        }
        #expect(try Self.apply(.return(reason: "  NIK salah \n"), .villageCheck, by: Self.secretary).event.note == "NIK salah")
    }

    @Test func theHolderSignsInTheirOwnName() throws {
        let signature = try #require(try Self.apply(.sign, .villageSign, by: Self.head).signature)
        #expect(signature.capacity == .own && signature.position == .villageHead && signature.region == Self.village)
        #expect(signature.signer == Self.head && signature.at == Self.now)
        #expect(signature.titleLines(headTitle: "Kepala Desa Sukamaju") == ["Kepala Desa Sukamaju"])
    }

    @Test func theSecretarySignsForTheVillageHeadOnLeaveAtasNama() throws {
        let leave = Leave(accountID: Self.head.accountID, fromDay: Self.today - 1, toDay: Self.today + 2, standInID: Self.secretary.accountID)
        let transition = try Self.apply(.sign, .villageSign, by: Self.secretary, leaves: [leave])
        #expect(transition.letter.step == .ready)
        #expect(transition.event.onBehalfOf == Self.head.accountID && transition.event.actorPosition == .villageSecretary)
        let signature = try #require(transition.signature)
        #expect(signature.capacity == .atasNama && signature.position == .villageHead && signature.signer == Self.secretary)
        #expect(signature.titleLines(headTitle: "Kepala Desa Sukamaju") == ["a.n. Kepala Desa Sukamaju", "Sekretaris Desa"])
    }

    @Test func theOfficialDesignatedForTheCamatSignsPlt() throws {
        let leave = Leave(accountID: Self.camat.accountID, fromDay: Self.today, toDay: Self.today, standInID: Self.sekcam.accountID)
        let signature = try #require(try Self.apply(.sign, .districtSign, by: Self.sekcam, reachesDistrict: true, leaves: [leave]).signature)
        #expect(signature.capacity == .plt && signature.region == Self.district)
        #expect(signature.titleLines(headTitle: "Camat Sukasari") == ["Plt. Camat Sukasari"])
    }

    @Test func anOfficialOnLeaveHoldsNoLetter() throws {
        let leave = Leave(accountID: Self.head.accountID, fromDay: Self.today, toDay: Self.today + 5, standInID: Self.secretary.accountID)
        #expect(throws: Refusal.onLeave) { try Self.apply(.sign, .villageSign, by: Self.head, leaves: [leave]) }
    }

    @Test func aLeaveOutsideTodayChangesNothing() throws {
        let past = Leave(accountID: Self.head.accountID, fromDay: Self.today - 10, toDay: Self.today - 1, standInID: Self.secretary.accountID)
        let future = Leave(accountID: Self.head.accountID, fromDay: Self.today + 1, toDay: Self.today + 3, standInID: Self.secretary.accountID)
        #expect(try Self.apply(.sign, .villageSign, by: Self.head, leaves: [past, future]).signature?.capacity == .own)
        #expect(throws: Refusal.notYourStep) { try Self.apply(.sign, .villageSign, by: Self.secretary, leaves: [past, future]) }
    }

    @Test func onlyTheNamedStandInActsForTheAbsentHolder() throws {
        let leave = Leave(accountID: Self.head.accountID, fromDay: Self.today, toDay: Self.today, standInID: Self.secretary.accountID)
        #expect(throws: Refusal.notYourStep) { try Self.apply(.sign, .villageSign, by: Self.frontOffice, leaves: [leave]) }
    }

    @Test func aStandInForTheFrontOfficePassesACorrectionOnItsBehalf() throws {
        let leave = Leave(accountID: Self.frontOffice.accountID, fromDay: Self.today, toDay: Self.today, standInID: Self.secretary.accountID)
        let transition = try Self.apply(.pass, .correction, by: Self.secretary, leaves: [leave])
        #expect(transition.letter.step == .villageCheck && transition.event.onBehalfOf == Self.frontOffice.accountID)
    }

    @Test func eachStepNamesTheDeskThatHoldsIt() throws {
        #expect(LetterStep.correction.position == .villageFrontOffice && LetterStep.ready.position == .villageFrontOffice)
        #expect(LetterStep.villageCheck.position == .villageSecretary && LetterStep.villageSign.position == .villageHead)
        #expect(LetterStep.districtReceive.position == .districtFrontOffice && LetterStep.districtCheck.position == .districtServiceHead)
        #expect(LetterStep.districtSign.position == .districtHead && LetterStep.rejected.position == nil)
        let letter = Self.letter(.villageCheck)
        #expect(letter.region(of: .villageSign) == Self.village && letter.region(of: .districtSign) == Self.district)
    }

    @Test func enteringALetterSendsItToTheSecretary() throws {
        let event = LetterChain.entered(by: Self.frontOffice, at: Self.now, dueAt: Self.now)
        #expect(event.from == nil && event.to == .villageCheck && event.action == "enter" && event.actorPosition == .villageFrontOffice)
    }
}
