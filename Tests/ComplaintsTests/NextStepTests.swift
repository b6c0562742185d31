import Complaints
import Foundation
import Testing

struct NextStepTests {
    static let table: [(ComplaintStatus, NextStep?)] = [
        (.received, .verification), (.dispatched, .verification), (.verified, .followUp), (.inProgress, .followUp),
        (.awaitingValidation, .followUp), (.resolved, .rating), (.postponed, nil), (.closed, nil), (.rejected, nil), (.duplicate, nil),
        (.forwarded, .verification), (.awaitingReporter, nil),
    ]

    @Test func eachStatusHasItsNextStep() {
        for (status, step) in Self.table { #expect(NextStep.of(status) == step, "\(status)") }
        #expect(Set(Self.table.map(\.0)) == Set(ComplaintStatus.allCases))
    }

    @Test func eachStepTakesThePolicysWorkingDays() {
        #expect(NextStep.verification.level == .verify)
        #expect(NextStep.followUp.level == .followUp)
        #expect(NextStep.rating.level == .closeAfterResolution)
    }

    func found(_ status: ComplaintStatus, due: Date?) -> PublicCase {
        PublicCase(trackingCode: "7K3M9Q2X5B8DH", category: "kesehatan", categoryNameID: "Kesehatan", categoryNameEN: "Health",
                   status: status, confidential: true, description: nil, location: nil, kelurahan: nil, kecamatan: nil,
                   dueAt: due, createdAt: friday, updatedAt: friday, timeline: [], joinedStatus: nil, photos: [])
    }

    /// Friday 2 January 2026, 15.00 WIB.
    let friday = Date(timeIntervalSince1970: 1_767_340_800)

    @Test func beforeTheCaseIsTakenInTheDeadlineIsThePolicysFromSubmission() {
        let outlook = CaseOutlook(found(.received, due: nil), agency: ("Dinas Kesehatan", "Health Office"), calendar: WorkingCalendar())
        #expect(outlook.nextStep == .verification)
        #expect(outlook.nextStepDue == WorkingCalendar().adding(workingDays: 3, to: friday))
        #expect(outlook.agencyName(.id) == "Dinas Kesehatan" && outlook.agencyName(.en) == "Health Office")
    }

    @Test func onceTakenInTheDeadlineIsTheCasesOwn() {
        let due = friday.addingTimeInterval(86_400 * 4)
        #expect(CaseOutlook(found(.dispatched, due: due), agency: nil, calendar: WorkingCalendar()).nextStepDue == due)
    }

    @Test func aCaseThatIsOverHasNoNextStepNorDeadline() {
        let outlook = CaseOutlook(found(.closed, due: nil), agency: nil, calendar: WorkingCalendar())
        #expect(outlook.nextStep == nil && outlook.nextStepDue == nil && outlook.agencyName(.id) == nil)
    }
}
