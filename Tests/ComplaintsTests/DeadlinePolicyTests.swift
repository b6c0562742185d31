import Complaints
import Foundation
import Testing

private let wibCalendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
    return calendar
}()

private func wib(_ year: Int, _ month: Int, _ day: Int, _ hour: Int) -> Date {
    wibCalendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour))!
}

/// Friday 1 March 2024, 10:00 WIB, with Nyepi (Monday 11 March) a holiday.
private let now = wib(2024, 3, 1, 10)
private let calendar = WorkingCalendar(holidayDates: ["2024-03-11"])

private let expected: [ComplaintStatus: DeadlinePolicy.Change] = [
    .received: .clear,
    .dispatched: .set(wib(2024, 3, 6, 10)),  // verify within 3 working days
    .verified: .set(wib(2024, 3, 8, 10)),  // follow up within 5
    .inProgress: .set(wib(2024, 3, 8, 10)),
    .awaitingValidation: .keep,
    .resolved: .set(wib(2024, 3, 18, 10)),  // closed 10 working days later, Nyepi not counted
    .closed: .clear,
    .rejected: .clear,
    .postponed: .clear,
    .duplicate: .clear,
    .forwarded: .set(wib(2024, 3, 6, 10)),  // the receiving agency answers within its 3 verification days
    .awaitingReporter: .set(wib(2024, 3, 18, 10)),  // the reporter answers within 10 working days, Nyepi not counted
]

@Suite struct DeadlinePolicyTests {
    @Test func expectationsCoverEveryStatus() {
        #expect(Set(expected.keys) == Set(ComplaintStatus.allCases))
    }

    @Test(arguments: ComplaintStatus.allCases)
    func changeFollowsTheServiceLevels(status: ComplaintStatus) {
        #expect(DeadlinePolicy.change(entering: status, at: now, calendar: calendar) == expected[status])
    }

    @Test func serviceLevelsAreThreeFiveAndTen() {
        #expect(ServiceLevels.standard[.verify] == 3)
        #expect(ServiceLevels.standard[.followUp] == 5)
        #expect(ServiceLevels.standard[.closeAfterResolution] == 10)
    }

    @Test func theInspectorateHasSixtyWorkingDaysForAReportOfMisconduct() {
        #expect(ServiceLevels.standard[.misconduct] == 60)
    }

    @Test func theReportersTimeToAnswerIsALevelTenByDefaultThatARegionChanges() {
        #expect(ServiceLevels.standard[.reporterAnswer] == 10)
        let changed = WorkingCalendar(holidayDates: ["2024-03-11"], levels: ServiceLevels([.reporterAnswer: 6]))
        // Six working days from Friday, Nyepi not counted: Monday the 11th is skipped.
        #expect(DeadlinePolicy.change(entering: .awaitingReporter, at: now, calendar: changed) == .set(wib(2024, 3, 12, 10)))
    }
}
