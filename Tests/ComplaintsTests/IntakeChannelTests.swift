import Complaints
import Testing

struct IntakeChannelTests {
    let offered = [IntakeChannel(code: "tatap-muka-balai-kota", nameID: "Tatap muka: Pendopo Balai Kota", nameEN: "In person: City Hall desk"),
                   IntakeChannel(code: "telepon", nameID: "Telepon", nameEN: "Telephone")]

    @Test func aDeskSubmissionNamesOneOfTheOfferedChannels() throws {
        #expect(try IntakeChannel.chosen("telepon", from: offered) == offered[1])
        #expect(try IntakeChannel.chosen("tatap-muka-balai-kota", from: offered)?.name(.en) == "In person: City Hall desk")
    }

    @Test func noChannelNamedIsNoChannelRecorded() throws {
        #expect(try IntakeChannel.chosen(nil, from: offered) == nil)
        #expect(try IntakeChannel.chosen("", from: offered) == nil)
        #expect(try IntakeChannel.chosen(" \t", from: offered) == nil)
    }

    @Test(arguments: ["surat", "TELEPON", "telepon ", "desk", "web", "'; drop table intake_channels; --"])
    func aChannelTheTableDoesNotOfferIsRefused(code: String) {
        #expect(throws: Refusal.unknownIntakeChannel) { try IntakeChannel.chosen(code, from: offered) }
    }

    @Test func aRetiredChannelIsRefusedOnceTheTableNoLongerOffersIt() {
        #expect(throws: Refusal.unknownIntakeChannel) { try IntakeChannel.chosen("telepon", from: [offered[0]]) }
    }

    @Test func agencyStaffSupervisorsAndAdminsEnterComplaintsAtTheDesk() {
        let entering = Role.allCases.filter(\.entersDeskComplaints)
        #expect(entering == [.admin, .staff, .supervisor])
        for role in Role.allCases where !role.entersDeskComplaints {
            #expect(throws: Refusal.deskStaffOnly) { try role.checkEntersDeskComplaints() }
        }
    }

    @Test func streetlightSubcategoriesAreThoseWithPJUInTheirCode() {
        #expect(["pju", "pju-ilegal", "usulan-pju", "pju-meteran"].allSatisfy(Subcategory.isStreetlight))
        #expect(!["jalan", "jembatan", "drainase", "alat-berat", "pjuta", ""].contains(where: Subcategory.isStreetlight))
    }
}
