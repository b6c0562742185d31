import Complaints
import Foundation
import Testing
@testable import Web

/// The citizen's page of a letter: where it is by position and time, never a name.
struct LetterTrackingPageTests {
    static let entered = Date(timeIntervalSince1970: 1_767_600_000)

    static func letter(_ step: LetterStep, stepDue: Date) -> Letter {
        Letter(id: 1, code: "7QK2M9XW4HNPA", typeCode: "domisili", reachesDistrict: false, village: RegionCode("35.99.01.2001")!,
               step: step, stepSince: entered.addingTimeInterval(3600), dueAt: entered.addingTimeInterval(3 * 86_400), deadlineDays: 3,
               stepDueAt: stepDue, version: 2)
    }

    static let steps = [LetterTrackingView.Step(to: .villageCheck, position: .villageFrontOffice, at: entered),
                        LetterTrackingView.Step(to: .villageSign, position: .villageSecretary, at: entered.addingTimeInterval(3600))]

    @Test func aRunningLetterShowsItsDeskSinceWhenAndItsDeadlines() {
        let view = LetterTrackingView(letter: Self.letter(.villageSign, stepDue: Self.entered.addingTimeInterval(-60)),
                                      typeName: "Surat Keterangan Domisili", steps: Self.steps)
        let html = LetterTrackingPage.render(view, now: Self.entered.addingTimeInterval(7200), language: .id)
        #expect(html.contains("<span class=\"code\" id=\"tracking-code\">7QK2-M9XW-4HNPA</span>"))
        #expect(html.contains("<dd id=\"desk\">Kepala Desa</dd>"))
        #expect(html.contains("data-overdue=\"true\""), "a step past its deadline is marked")
        #expect(html.contains("Sekretaris Desa: Menunggu tanda tangan kepala desa"))
        #expect(!html.contains("pdf-link") && !html.contains("letter-rejected"))
        #expect(html.contains("href=\"/letters/7QK2M9XW4HNPA?lang=en\""), "the language switch stays on the page")
    }

    @Test func aReadyLetterLeadsToItsPDFAndARejectedOneToTheOffice() {
        let ready = LetterTrackingPage.render(LetterTrackingView(letter: Self.letter(.ready, stepDue: Self.entered), typeName: "Domisili",
                                                                 steps: Self.steps), language: .en)
        #expect(ready.contains("<a id=\"pdf-link\" href=\"/api/v1/letters/7QK2M9XW4HNPA/pdf\">Download the letter (PDF)</a>"))
        #expect(!ready.contains("id=\"desk\""), "a finished letter is on nobody's desk")
        let rejected = LetterTrackingPage.render(LetterTrackingView(letter: Self.letter(.rejected, stepDue: Self.entered), typeName: "Domisili",
                                                                    steps: Self.steps), language: .id)
        #expect(rejected.contains("id=\"letter-rejected\"") && !rejected.contains("pdf-link"))
        #expect(LetterTrackingPage.notFound(language: .id).contains("Surat tidak ditemukan."))
    }
}
