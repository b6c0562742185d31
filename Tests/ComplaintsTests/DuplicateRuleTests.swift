import Complaints
import Foundation
import Testing

struct DuplicateRuleTests {
    let rule = DuplicateRule.standard

    @Test func standardRuleIsFiftyMetresSevenDaysOrTheSamePole() {
        #expect(rule.radius == 50 && rule.window == 7 * 86_400 && rule.samePole)
    }

    @Test func reportsAFewMetresApartAreNearAndAHundredMetresApartAreNot() {
        let pole = (lat: -6.2000, lon: 106.8166)
        // 0.0003° of latitude is about 33 m, 0.0009° about 100 m.
        #expect(rule.isNear(pole, (lat: -6.2003, lon: 106.8166)))
        #expect(!rule.isNear(pole, (lat: -6.2009, lon: 106.8166)))
        #expect(abs(DuplicateRule.distance(pole, (lat: -6.2009, lon: 106.8166)) - 100.1) < 0.5)
        #expect(DuplicateRule.distance(pole, pole) == 0)
    }

    @Test func onlyReportsOfTheLastSevenDaysAreRecent() {
        let now = Date(timeIntervalSince1970: 1_795_417_200)
        #expect(rule.isRecent(now.addingTimeInterval(-6 * 86_400), at: now))
        #expect(!rule.isRecent(now.addingTimeInterval(-7 * 86_400), at: now))
    }

    @Test func submissionWithoutCoordinatesOrPoleRepeatsNothing() {
        #expect(!rule.applies(to: ComplaintSubmission(category: "pekerjaan-umum", description: "Jalan rusak", channel: .web)))
        #expect(!rule.applies(to: ComplaintSubmission(category: "pekerjaan-umum", description: "Jalan rusak", lat: -6.2, channel: .web)))
        #expect(rule.applies(to: ComplaintSubmission(category: "pekerjaan-umum", description: "Jalan rusak", lat: -6.2, lon: 106.8,
                                                     channel: .web)))
        let named = ComplaintSubmission(category: "pekerjaan-umum", description: "Lampu padam", channel: .web, poleID: "PJU 12-A")
        #expect(rule.applies(to: named) && rule.pole(of: named) == "PJU12A")
    }

    @Test func ruleWithoutPolesIgnoresThePole() {
        let noPoles = DuplicateRule(radius: 50, window: 86_400, samePole: false)
        let named = ComplaintSubmission(category: "pekerjaan-umum", description: "Lampu padam", channel: .web, poleID: "PJU12A")
        #expect(noPoles.pole(of: named) == nil && !noPoles.applies(to: named))
    }
}
