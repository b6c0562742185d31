import Complaints
import Foundation
import Testing

/// A letter's date words and the year that numbers it are read from one local day, in the working
/// calendar's time.
struct FinishedLetterDateTests {
    // 2026-12-31 16:30 UTC: still the 31st in WIB (23.30), already 1 January 2027 in WIT (UTC+9).
    static let moment = Date(timeIntervalSince1970: 1_798_734_600)

    @Test func theDateWordsAndTheYearFollowTheCalendarsTimeZoneTogether() {
        let wib = WorkingCalendar(), wit = WorkingCalendar(utcOffset: 9 * 3600)
        #expect(FinishedLetter.dateWords(Self.moment, in: wib) == "31 Desember 2026")
        #expect(FinishedLetter.year(of: Self.moment, in: wib) == 2026)
        #expect(FinishedLetter.dateWords(Self.moment, in: wit) == "1 Januari 2027")
        #expect(FinishedLetter.year(of: Self.moment, in: wit) == 2027)
        #expect(wit.localDate(of: Self.moment) == (2027, 1, 1))
        #expect(WorkingCalendar.isoDate(wit.day(of: Self.moment)) == "2027-01-01")
    }
}
