import Complaints
import Foundation
import Testing

private let wibCalendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
    return calendar
}()

/// A moment in Western Indonesian Time (UTC+7).
private func wib(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 9, _ minute: Int = 0, _ second: Int = 0) -> Date {
    wibCalendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
}

/// Sunday = 1 … Saturday = 7, in WIB.
private func weekday(_ date: Date) -> Int { wibCalendar.component(.weekday, from: date) }

/// Days since 1970-01-01 of a calendar date.
private func dayNumber(_ year: Int, _ month: Int, _ day: Int) -> Int {
    var utc = Calendar(identifier: .gregorian)
    utc.timeZone = TimeZone(secondsFromGMT: 0)!
    let date = utc.date(from: DateComponents(year: year, month: month, day: day))!
    return Int(date.timeIntervalSince1970) / 86_400
}

@Suite struct WorkingCalendarTests {
    @Test func fridayPlusThreeWorkingDaysIsWednesday() {
        let friday = wib(2024, 3, 1, 15, 30)
        #expect(weekday(friday) == 6)
        let due = WorkingCalendar().adding(workingDays: 3, to: friday)
        #expect(due == wib(2024, 3, 6, 15, 30))
        #expect(weekday(due) == 4)
    }

    @Test func skipsWeekends() {
        let calendar = WorkingCalendar()
        #expect(calendar.adding(workingDays: 1, to: wib(2024, 3, 1)) == wib(2024, 3, 4))
        #expect(calendar.adding(workingDays: 2, to: wib(2024, 2, 29)) == wib(2024, 3, 4))
        #expect(calendar.adding(workingDays: 5, to: wib(2024, 3, 4)) == wib(2024, 3, 11))
        #expect(calendar.adding(workingDays: 10, to: wib(2024, 3, 4)) == wib(2024, 3, 18))
    }

    @Test func aWeekendStartCountsFromMonday() {
        let calendar = WorkingCalendar()
        #expect(calendar.adding(workingDays: 1, to: wib(2024, 3, 2)) == wib(2024, 3, 4))
        #expect(calendar.adding(workingDays: 1, to: wib(2024, 3, 3)) == wib(2024, 3, 4))
    }

    @Test func skipsHolidays() {
        let calendar = WorkingCalendar(holidays: [dayNumber(2024, 3, 4)])
        #expect(calendar.adding(workingDays: 3, to: wib(2024, 3, 1)) == wib(2024, 3, 7))
    }

    @Test func skipsRunsOfHolidays() {
        // Idul Fitri 2024: 10 and 11 April, with collective leave on 8, 9, 12 and 15 April.
        let calendar = WorkingCalendar(holidayDates: ["2024-04-08", "2024-04-09", "2024-04-10", "2024-04-11",
                                                      "2024-04-12", "2024-04-15"])
        #expect(calendar.adding(workingDays: 1, to: wib(2024, 4, 5)) == wib(2024, 4, 16))
    }

    @Test func aHolidayOnAWeekendCostsNothingExtra() {
        let calendar = WorkingCalendar(holidayDates: ["2024-03-02", "2024-03-03"])
        #expect(calendar.adding(workingDays: 3, to: wib(2024, 3, 1)) == wib(2024, 3, 6))
    }

    @Test func keepsTheTimeOfDayToTheFractionOfASecond() {
        let start = wib(2024, 3, 1, 23, 59, 58).addingTimeInterval(0.25)
        let due = WorkingCalendar().adding(workingDays: 3, to: start)
        #expect(due == wib(2024, 3, 6, 23, 59, 58).addingTimeInterval(0.25))
    }

    @Test func countsDaysInLocalTimeNotUTC() {
        // Saturday 02:00 in Jakarta is still Friday 19:00 in UTC.
        let saturdayNight = wib(2024, 3, 2, 2, 0)
        #expect(weekday(saturdayNight) == 7)
        #expect(WorkingCalendar().adding(workingDays: 1, to: saturdayNight) == wib(2024, 3, 4, 2, 0))
    }

    @Test func honoursAnotherUTCOffset() {
        // 20:00 UTC on Friday is Friday in UTC but Saturday in WIB.
        let moment = Date(timeIntervalSince1970: 1_709_323_200)  // 2024-03-01 20:00:00 UTC
        let utc = WorkingCalendar(utcOffset: 0)
        #expect(utc.adding(workingDays: 1, to: moment) == moment.addingTimeInterval(3 * 86_400))
        #expect(WorkingCalendar().adding(workingDays: 1, to: moment) == moment.addingTimeInterval(2 * 86_400))
    }

    @Test func zeroWorkingDaysIsTheSameMoment() {
        let start = wib(2024, 3, 2, 10, 15)
        #expect(WorkingCalendar().adding(workingDays: 0, to: start) == start)
    }

    @Test func parsesHolidayDatesAndIgnoresMalformedOnes() {
        let calendar = WorkingCalendar(holidayDates: ["2024-03-11", "2024-12-25", "2025-01-01", "not a date",
                                                      "2024/04/10", "2024-04", "2024-04-10-01", ""])
        #expect(calendar.holidays == [dayNumber(2024, 3, 11), dayNumber(2024, 12, 25), dayNumber(2025, 1, 1)])
    }

    @Test func parsedHolidaysMatchLeapYearsAndCenturies() {
        let dates = ["2000-02-29", "2000-03-01", "1970-01-01", "2100-03-01", "1969-12-31"]
        let calendar = WorkingCalendar(holidayDates: dates)
        #expect(calendar.holidays == [dayNumber(2000, 2, 29), dayNumber(2000, 3, 1), 0, dayNumber(2100, 3, 1), -1])
    }

    @Test func isWorkingDayKnowsTheWeekday() {
        let calendar = WorkingCalendar(holidays: [dayNumber(2024, 3, 11)])
        #expect(calendar.isWorkingDay(0))  // Thursday 1970-01-01
        #expect(calendar.isWorkingDay(1))  // Friday
        #expect(!calendar.isWorkingDay(2))  // Saturday
        #expect(!calendar.isWorkingDay(3))  // Sunday
        #expect(calendar.isWorkingDay(4))  // Monday
        #expect(calendar.isWorkingDay(-1))  // Wednesday 1969-12-31
        #expect(!calendar.isWorkingDay(-4))  // Sunday 1969-12-28
        #expect(!calendar.isWorkingDay(dayNumber(2024, 3, 11)))  // a holiday Monday
        #expect(calendar.isWorkingDay(dayNumber(2024, 3, 12)))
    }

    // MARK: working time, for a paused deadline

    @Test func workingTimeCountsOnlyWorkingDays() {
        let calendar = WorkingCalendar(holidayDates: ["2024-03-11"])
        // Friday 15:30 to Monday 15:30 is the rest of Friday and Monday until 15:30: one day.
        #expect(calendar.workingSeconds(from: wib(2024, 3, 1, 15, 30), to: wib(2024, 3, 4, 15, 30)) == 86_400)
        // Nyepi (Monday 11 March) does not count.
        #expect(calendar.workingSeconds(from: wib(2024, 3, 8, 12), to: wib(2024, 3, 12, 12)) == 86_400)
        #expect(calendar.workingSeconds(from: wib(2024, 3, 4, 12), to: wib(2024, 3, 4, 11)) == 0, "a passed deadline leaves nothing")
    }

    @Test func addingWorkingTimeSkipsWeekendsAndHolidays() {
        let calendar = WorkingCalendar(holidayDates: ["2024-03-11"])
        #expect(calendar.adding(workingSeconds: 86_400, to: wib(2024, 3, 1, 15, 30)) == wib(2024, 3, 4, 15, 30))
        #expect(calendar.adding(workingSeconds: 3_600, to: wib(2024, 3, 9, 15)) == wib(2024, 3, 12, 1), "Saturday, Sunday, Nyepi")
        #expect(calendar.adding(workingSeconds: 0, to: wib(2024, 3, 9, 15)) == wib(2024, 3, 9, 15))
    }

    @Test func workingTimeLeftAndAddedBackIsTheSameDeadlineOnAWorkingDay() {
        let calendar = WorkingCalendar()
        let start = wib(2024, 3, 4, 10), due = calendar.adding(workingDays: 5, to: start)
        #expect(calendar.adding(workingSeconds: calendar.workingSeconds(from: start, to: due), to: start) == due)
    }
}
