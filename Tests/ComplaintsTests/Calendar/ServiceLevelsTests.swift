import Complaints
import Foundation
import Testing

private func local(_ offsetHours: Int, _ year: Int, _ month: Int, _ day: Int, _ hour: Int) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: offsetHours * 3600)!
    return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour))!
}

struct ServiceLevelsTests {
    @Test func aKindNotGivenKeepsItsShippedValue() {
        let levels = ServiceLevels([.verify: 7])
        #expect(levels[.verify] == 7)
        #expect(levels[.followUp] == 5 && levels[.closeAfterResolution] == 10 && levels[.supervisor] == 2 && levels[.misconduct] == 60)
    }

    @Test func onlyOneToFiveHundredWorkingDaysAreADeadline() {
        #expect(!ServiceLevels.admits(0) && !ServiceLevels.admits(-1) && !ServiceLevels.admits(501))
        #expect(ServiceLevels.admits(1) && ServiceLevels.admits(500))
    }

    @Test func theDeadlinePolicyCountsTheRegionsLevelsNotConstants() {
        // Friday 1 March 2024, 10:00 WIB; verification within 7 working days is Tuesday 12 March.
        let calendar = WorkingCalendar(levels: ServiceLevels([.verify: 7, .followUp: 1]))
        let now = local(7, 2024, 3, 1, 10)
        #expect(DeadlinePolicy.change(entering: .dispatched, at: now, calendar: calendar) == .set(local(7, 2024, 3, 12, 10)))
        #expect(DeadlinePolicy.change(entering: .verified, at: now, calendar: calendar) == .set(local(7, 2024, 3, 4, 10)))
    }

    @Test func anAgencyInAnotherZoneCountsItsDaysInItsLocalTime() {
        // Friday 23:30 WIB is already Saturday 01:30 in WIT: three working days from there end on
        // Wednesday 01:30 WIT, a day earlier than in WIB.
        let calendar = WorkingCalendar(agencyZones: ["dinas-papua": .wit])
        let start = local(7, 2024, 3, 1, 23).addingTimeInterval(1800)
        #expect(calendar.adding(.verify, to: start) == local(7, 2024, 3, 6, 23).addingTimeInterval(1800))
        let eastern = calendar.zoned(for: "dinas-papua")
        #expect(eastern.utcOffset == 9 * 3600)
        #expect(eastern.adding(.verify, to: start) == local(9, 2024, 3, 6, 1).addingTimeInterval(1800))
        #expect(calendar.zoned(for: "dpupr").utcOffset == 7 * 3600, "an agency with no zone of its own keeps WIB")
    }

    @Test func theZonesAreWibWitaAndWit() {
        #expect(TimeZoneCode.allCases.map(\.utcOffset) == [7 * 3600, 8 * 3600, 9 * 3600])
    }
}
