import Complaints
import Testing

/// Which desks' letters wait on an official today.
struct OfficialTests {
    static let village = RegionCode("35.99.01.2001")!
    static let head = Official(accountID: 3, position: .villageHead, region: village, name: "Kepala Desa", nip: nil)
    static let secretary = Official(accountID: 2, position: .villageSecretary, region: village, name: "Sekretaris Desa", nip: nil)

    @Test func anOfficialAtWorkHoldsTheirOwnDeskAndThoseTheyStandInFor() {
        let desks = Self.secretary.desksToday(onLeave: false, standingInFor: [Self.head])
        #expect(desks.map(\.position) == [.villageSecretary, .villageHead])
        #expect(desks.allSatisfy { $0.region == Self.village })
    }

    @Test func anOfficialOnLeaveHoldsNoDeskOfTheirOwn() {
        #expect(Self.head.desksToday(onLeave: true, standingInFor: []).isEmpty)
    }

    @Test func eachPositionHoldsItsOpenStepsOnly() {
        #expect(LetterPosition.villageHead.openSteps == [.villageSign])
        #expect(LetterPosition.districtAdmin.openSteps.isEmpty)
        #expect(LetterPosition.allCases.flatMap(\.openSteps).allSatisfy { !$0.isFinal })
    }
}
