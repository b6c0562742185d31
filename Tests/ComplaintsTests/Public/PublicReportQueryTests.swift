import Complaints
import Foundation
import Testing

/// The public lists' filters and keyset cursor, read from a query string.
struct PublicReportQueryTests {
    let categories: Set<String> = ["pekerjaan-umum", "sosial"]

    func parse(_ items: [(String, String)]) throws -> PublicReportQuery {
        try PublicReportQuery.parse(items.map { (name: $0.0, value: $0.1) }, categories: categories, defaultLimit: 20, maxLimit: 100)
    }

    @Test func readsEveryFilterAndTreatsEmptyValuesAsAbsent() throws {
        let query = try parse([("area", "35.03.01"), ("category", "sosial"), ("status", "in_progress"), ("limit", "50")])
        #expect(query == PublicReportQuery(area: RegionCode("35.03.01"), category: "sosial", status: .inProgress, limit: 50))
        #expect(try parse([("area", ""), ("category", " "), ("status", "")]) == PublicReportQuery(limit: 20))
    }

    @Test(arguments: [("area", "35.03", "invalid_area"), ("area", "35.03.01.201", "invalid_area"),
                      ("category", "tidak-ada", "unknown_category"), ("status", "lenyap", "invalid_status"),
                      ("after", "kemarin", "invalid_cursor"), ("after", "12.0", "invalid_cursor"),
                      ("limit", "0", "invalid_limit"), ("limit", "101", "invalid_limit"), ("limit", "dua", "invalid_limit")])
    func refusesAMalformedValueWith400(name: String, value: String, code: String) {
        #expect(throws: Refusal.self) { try parse([(name, value)]) }
        do { _ = try parse([(name, value)]) } catch let refusal as Refusal {
            #expect(refusal.status == 400 && refusal.code == code)
        } catch { Issue.record("\(error)") }
    }

    @Test func aCursorSurvivesItsTextToTheMicrosecond() throws {
        let cursor = PublicReportCursor(createdAt: Date(timeIntervalSince1970: 1_796_372_763.123456), id: 42)
        let read = try #require(PublicReportCursor(cursor.description))
        #expect(read == cursor && read.description == "1796372763123456.42")
        #expect(try parse([("after", cursor.description)]).after == cursor)
    }

    @Test func theFiltersGoBackIntoALinkWithoutCursorOrLimit() throws {
        let query = try parse([("area", "35.03.01.2001"), ("status", "resolved"), ("after", "1.2"), ("limit", "3")])
        #expect(query.filterItems.map { "\($0.name)=\($0.value)" } == ["area=35.03.01.2001", "status=resolved"])
    }
}

/// A box of degrees as Open311's `bbox` names it.
struct GeoBoundsTests {
    @Test func readsWestSouthEastNorth() throws {
        let box = try #require(GeoBounds(parsing: "106.7,-6.6, 106.9,-6.4"))
        #expect(box.west == 106.7 && box.south == -6.6 && box.east == 106.9 && box.north == -6.4)
        #expect(box.contains(GeoPoint(lon: 106.8, lat: -6.5)) && !box.contains(GeoPoint(lon: 106.95, lat: -6.5)))
    }

    @Test(arguments: ["", "106.7,-6.6,106.9", "106.7,-6.6,106.9,-6.4,1", "a,b,c,d", "106.9,-6.6,106.7,-6.4", "106.7,-6.4,106.9,-6.6",
                      "181,0,182,1", "0,-91,1,0", "nan,0,1,1", "106.7,,106.9,-6.4"])
    func refusesWhatIsNotABox(text: String) {
        #expect(GeoBounds(parsing: text) == nil)
    }
}
