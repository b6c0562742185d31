import Complaints
import Foundation
import Testing

/// What one case contributes to the public statistics, case by case (`CaseFigures.measure`).
struct CaseFiguresTests {
    /// Monday 2026-03-02 09:00 WIB.
    static let monday = Date(timeIntervalSince1970: 1_772_416_800)
    static let hour = 3600.0
    /// 8 working days (verify 3 + follow-up 5) after Monday 09:00: Thursday 2026-03-12 09:00 WIB.
    static let deadline = monday.addingTimeInterval(10 * 24 * hour)

    static func history(status: ComplaintStatus, verifiedAfter: Double? = nil, resolvedAfter: Double? = nil,
                        confidential: Bool = false, isParent: Bool = false, rating: Int? = nil, createdAt: Date = monday,
                        agency: String = "dpupr") -> CaseHistory {
        CaseHistory(createdAt: createdAt, agency: agency, category: "pekerjaan-umum", kecamatan: "35.03.01",
                    kelurahan: "35.03.01.2001", confidential: confidential, status: status, isParent: isParent, rating: rating,
                    verifiedAt: verifiedAfter.map { createdAt.addingTimeInterval($0) },
                    resolvedAt: resolvedAfter.map { createdAt.addingTimeInterval($0) })
    }

    struct Expected: Sendable {
        let counted: Bool
        var resolved = false
        var within: Bool?
        var verify: Int?
        var resolve: Int?
    }

    static let table: [(String, CaseHistory, Expected)] = [
        ("a fan-out parent is not counted (its parts are)", history(status: .inProgress, isParent: true), Expected(counted: false)),
        ("a duplicate is not counted", history(status: .duplicate, verifiedAfter: hour), Expected(counted: false)),
        ("received, not yet verified", history(status: .dispatched), Expected(counted: true)),
        ("verified, measured even though still open", history(status: .verified, verifiedAfter: 2 * hour),
         Expected(counted: true, verify: 7200)),
        ("rejected after verification: received and verified, never resolved",
         history(status: .rejected, verifiedAfter: hour, resolvedAfter: nil), Expected(counted: true, verify: 3600)),
        ("resolved within the deadline", history(status: .resolved, verifiedAfter: 2 * hour, resolvedAfter: 50 * hour),
         Expected(counted: true, resolved: true, within: true, verify: 7200, resolve: 180_000)),
        ("closed after its resolution, exactly at the deadline",
         history(status: .closed, verifiedAfter: hour, resolvedAfter: 240 * hour),
         Expected(counted: true, resolved: true, within: true, verify: 3600, resolve: 864_000)),
        ("closed a second after the deadline", history(status: .closed, verifiedAfter: hour, resolvedAfter: 240 * hour + 1),
         Expected(counted: true, resolved: true, within: false, verify: 3600, resolve: 864_001)),
        ("reopened: its old resolution no longer stands", history(status: .inProgress, verifiedAfter: hour, resolvedAfter: 5 * hour),
         Expected(counted: true, verify: 3600)),
    ]

    @Test(arguments: table)
    func measuresEachCaseByTheRules(name: String, history: CaseHistory, expected: Expected) {
        let figures = CaseFigures.measure(history, calendar: WorkingCalendar())
        #expect((figures != nil) == expected.counted, "\(name)")
        guard let figures else { return }
        #expect(figures.resolved == expected.resolved, "\(name)")
        #expect(figures.withinDeadline == expected.within, "\(name)")
        #expect(figures.verifySeconds == expected.verify, "\(name)")
        #expect(figures.resolveSeconds == expected.resolve, "\(name)")
        #expect(figures.day.description == "2026-03-02", "\(name)")
    }

    @Test func aConfidentialCaseIsCountedButNeverPlaced() throws {
        let figures = try #require(CaseFigures.measure(Self.history(status: .dispatched, confidential: true), calendar: WorkingCalendar()))
        #expect(figures.confidential)
        #expect(figures.kecamatan == nil && figures.kelurahan == nil && figures.areaKey == "")
        let open = try #require(CaseFigures.measure(Self.history(status: .dispatched), calendar: WorkingCalendar()))
        #expect(open.areaKey == "35.03.01.2001" && open.kecamatan == "35.03.01")
    }

    @Test func theDayIsTheAgencysLocalDay() throws {
        // 2026-03-01 16:30 UTC is 23:30 WIB (still Sunday) but 00:30 on Monday in WIT (UTC+9).
        let late = Date(timeIntervalSince1970: 1_772_382_600)
        let calendar = WorkingCalendar(agencyZones: ["papua": .wit])
        let west = try #require(CaseFigures.measure(Self.history(status: .dispatched, createdAt: late), calendar: calendar))
        let east = try #require(CaseFigures.measure(Self.history(status: .dispatched, createdAt: late, agency: "papua"), calendar: calendar))
        #expect(west.day.description == "2026-03-01")
        #expect(east.day.description == "2026-03-02")
    }

    @Test func aHolidayMovesTheDeadline() throws {
        // A holiday on Wednesday 2026-03-04 pushes the 8th working day to Friday 2026-03-13.
        let calendar = WorkingCalendar(holidayDates: ["2026-03-04"])
        let history = Self.history(status: .closed, verifiedAfter: Self.hour, resolvedAfter: 264 * Self.hour)
        #expect(CaseFigures.measure(history, calendar: calendar)?.withinDeadline == true)
        #expect(CaseFigures.measure(history, calendar: WorkingCalendar())?.withinDeadline == false)
    }
}
