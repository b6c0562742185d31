import Complaints
import Foundation
import Testing
@testable import Web

/// The case page's forms for forwarding and for the inspectorate's decision.
struct StaffCasePageCrossAgencyTests {
    static let agencies = [
        Agency(code: "dinsos", nameID: "Dinas Sosial", nameEN: "Social services office", module: .social),
        Agency(code: "dpupr", nameID: "Dinas Pekerjaan Umum dan Penataan Ruang", nameEN: "Public works office", module: .publicWorks),
    ]

    func render(_ actions: [StaffAction], language: Language = .id, values: [String: String] = [:]) -> String {
        let view = StaffCaseView(stored: Sample.stored(), timeline: [], reporter: nil, photos: [],
                                 duplicates: DuplicateLinks(duplicateOf: nil, joined: []), actions: actions, colleagues: [],
                                 categories: Sample.categories, agencies: Self.agencies)
        return StaffCasePage.render(view, session: Sample.session(), language: language, notice: nil, error: nil, values: values)
    }

    @Test func theForwardFormOffersOtherAgenciesByNameAndAsksForAReason() {
        let html = render([.forward], values: ["action": "forward", "agency": "dinsos"])
        #expect(html.contains("<option value=\"dinsos\" selected>Dinas Sosial</option>"))
        #expect(!html.contains("<option value=\"dpupr\""), "not the agency that holds the case")
        #expect(html.contains("name=\"reason\"") && html.contains("<button type=\"submit\">Teruskan ke instansi lain</button>"))
        #expect(render([.forward], language: .en).contains(">Social services office</option>"))
    }

    @Test func theDecisionFormOffersEveryOutcomeAndAPublicNote() {
        let html = render([.decide])
        for outcome in InspectionOutcome.allCases {
            #expect(html.contains("<option value=\"\(outcome.rawValue)\">\(outcome.labelID)</option>"))
        }
        #expect(html.contains("name=\"public_note\"") && html.contains("tanpa nama pejabat"))
    }
}
