import Complaints
import Testing

/// A district admin keeps their own kecamatan only: new officials there, leave there, cancels there.
struct DistrictAdministrationTests {
    static let district = RegionCode("35.99.01")!
    static let village = RegionCode("35.99.01.2001")!
    static let admin = Official(accountID: 1, position: .districtAdmin, region: district, name: "Admin", nip: nil)

    static func official(_ id: Int64, _ position: LetterPosition, _ region: String) -> Official {
        Official(accountID: id, position: position, region: RegionCode(region)!, name: "Pejabat \(id)", nip: nil)
    }

    @Test func anAdminCreatesEveryLetterPositionButTheirOwnInTheirKecamatanOnly() throws {
        #expect(try DistrictAdministration.checkNewOfficial(role: .villageHead, region: "35.99.01.2002", by: Self.admin).value == "35.99.01.2002")
        #expect(try DistrictAdministration.checkNewOfficial(role: .districtHead, region: "35.99.01", by: Self.admin) == Self.district)
        #expect(throws: Refusal.outsideDistrict) { try DistrictAdministration.checkNewOfficial(role: .villageHead, region: "35.98.01.2001", by: Self.admin) }
        #expect(throws: Refusal.outsideDistrict) { try DistrictAdministration.checkNewOfficial(role: .districtHead, region: "35.98.01", by: Self.admin) }
        #expect(throws: Refusal.regionOfPosition) { try DistrictAdministration.checkNewOfficial(role: .villageHead, region: "35.99.01", by: Self.admin) }
        #expect(throws: Refusal.regionOfPosition) { try DistrictAdministration.checkNewOfficial(role: .districtHead, region: nil, by: Self.admin) }
        #expect(throws: Refusal.invalidLetterRole) { try DistrictAdministration.checkNewOfficial(role: .districtAdmin, region: "35.99.01", by: Self.admin) }
        #expect(throws: Refusal.invalidLetterRole) { try DistrictAdministration.checkNewOfficial(role: .admin, region: "35.99.01", by: Self.admin) }
    }

    @Test func theManagerOfADistrictAdminCreatesLetterAccountsOnlyAndIsAuditedAsSuch() {
        let manager = AccountManager.district(id: 1)
        #expect(manager.managedRoles == DistrictAdministration.creatablePositions.map(\.role))
        #expect(!manager.manages(.admin) && !manager.manages(.inspector) && !manager.manages(.districtAdmin))
        #expect(manager.auditRole == "district_admin" && manager.accountID == 1)
        // Signed in, a district admin is no manager of the accounts page.
        #expect(!AccountManager.account(id: 1, role: .districtAdmin).managesAccounts)
    }

    @Test func leaveIsForTheKecamatansOfficialsWithAStandInOfTheSameRegion() throws {
        let head = Self.official(2, .villageHead, "35.99.01.2001"), secretary = Self.official(3, .villageSecretary, "35.99.01.2001")
        try DistrictAdministration.checkLeave(of: head, standIn: secretary, by: Self.admin)
        #expect(throws: Refusal.standInNotEligible) { try DistrictAdministration.checkLeave(of: head, standIn: nil, by: Self.admin) }
        #expect(throws: Refusal.standInNotEligible) { try DistrictAdministration.checkLeave(of: head, standIn: head, by: Self.admin) }
        #expect(throws: Refusal.standInNotEligible) {
            try DistrictAdministration.checkLeave(of: head, standIn: Self.official(4, .villageSecretary, "35.99.01.2002"), by: Self.admin)
        }
        #expect(throws: Refusal.standInNotEligible) {
            try DistrictAdministration.checkLeave(of: Self.official(5, .districtHead, "35.99.01"), standIn: Self.admin, by: Self.admin)
        }
        #expect(throws: Refusal.outsideDistrict) {
            try DistrictAdministration.checkLeave(of: Self.official(6, .villageHead, "35.98.01.2001"),
                                                  standIn: Self.official(7, .villageSecretary, "35.98.01.2001"), by: Self.admin)
        }
    }

    @Test func onlyALeaveOfTheKecamatanThatIsNeitherCancelledNorOverIsCancelled() throws {
        func leave(_ region: String, to: Int, cancelled: Bool = false) -> RecordedLeave {
            let absent = Self.official(2, .villageHead, region), standIn = Self.official(3, .villageSecretary, region)
            return RecordedLeave(id: 9, leave: Leave(accountID: 2, fromDay: 100, toDay: to, standInID: 3), official: absent, login: "kades",
                                 standIn: standIn, standInLogin: "sekdes", cancelled: cancelled)
        }
        try DistrictAdministration.checkCancel(leave("35.99.01.2001", to: 110), by: Self.admin, today: 110)
        #expect(throws: Refusal.leaveOver) { try DistrictAdministration.checkCancel(leave("35.99.01.2001", to: 109), by: Self.admin, today: 110) }
        #expect(throws: Refusal.leaveOver) {
            try DistrictAdministration.checkCancel(leave("35.99.01.2001", to: 120, cancelled: true), by: Self.admin, today: 110)
        }
        #expect(throws: Refusal.leaveNotFound) { try DistrictAdministration.checkCancel(leave("35.98.01.2001", to: 120), by: Self.admin, today: 110) }
    }
}
