import Complaints
import Foundation
import Testing
@testable import Web

/// The letter page offers exactly the actions given, each a form with the session's token; the
/// queue and the page mark a step past its deadline.
struct LetterPageTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func sheet(_ step: LetterStep, stepDue: Date) -> LetterSheet {
        let letter = Letter(id: 1, code: "7QK2M9XW4HNPA", typeCode: "pindah", reachesDistrict: true, village: RegionCode("35.99.01.2001")!,
                            step: step, stepSince: now.addingTimeInterval(-86_400), dueAt: now.addingTimeInterval(86_400), deadlineDays: 3,
                            stepDueAt: stepDue, version: 3)
        return LetterSheet(letter: letter, typeName: "Surat Keterangan Pindah", villageName: "Sukamaju",
                           applicant: ["nik": "3599010101900001", "name": "Siti <Aminah>", "address": "Krajan"],
                           fields: [("Alamat tujuan", "Malang")], events: [], signatures: [], number: nil, createdAt: now)
    }

    static let camat = Sample.session(Sample.account(login: "camat", role: .districtHead, module: nil))

    @Test func aSigningStepOffersSignAndRejectWithAReasonAndNothingElse() {
        let html = LetterPage.render(session: Self.camat, sheet: Self.sheet(.districtSign, stepDue: Self.now.addingTimeInterval(3600)),
                                     actions: [.sign, .reject], showsPrint: false, language: .id, now: Self.now)
        let forms = Markup.postForms(html)
        #expect(forms.count == 3)  // sign, reject, and the frame's logout
        #expect(html.contains("id=\"form-sign\"") && html.contains("id=\"form-reject\""))
        #expect(!html.contains("id=\"form-pass\"") && !html.contains("id=\"form-return\""))
        #expect(forms.allSatisfy { $0.contains("name=\"csrf\" value=\"csrf-token-of-the-session\"") })
        #expect(html.contains("name=\"reason\" required"))
        #expect(html.contains("Siti &lt;Aminah&gt;") && !html.contains("data-overdue"))
        #expect(!html.contains("receipt-link"))
    }

    @Test func aStepPastItsDeadlineIsMarkedOnThePageAndInTheQueue() {
        let late = Self.sheet(.villageCheck, stepDue: Self.now.addingTimeInterval(-1))
        let page = LetterPage.render(session: Self.camat, sheet: late, actions: [], showsPrint: false, language: .en, now: Self.now)
        #expect(page.contains("data-overdue=\"true\">Overdue") && page.contains("id=\"no-actions\""))
        let queue = LetterQueuePage.render(session: Self.camat, letters: [late, Self.sheet(.villageSign, stepDue: Self.now.addingTimeInterval(60))],
                                           all: false, mayEnter: false, language: .id, now: Self.now)
        #expect(queue.components(separatedBy: "data-overdue=\"true\"").count == 2)
        #expect(queue.contains("Lewat tenggat") && queue.contains("Sukamaju") && queue.contains("Surat Keterangan Pindah"))
    }

    @Test func theFrontOfficeFindsTheReceiptAndOnceReadyThePDF() {
        let fo = Sample.session(Sample.account(login: "fo", role: .villageFrontOffice, module: nil))
        let waiting = LetterPage.render(session: fo, sheet: Self.sheet(.villageCheck, stepDue: Self.now), actions: [], showsPrint: true,
                                        language: .id, now: Self.now)
        #expect(waiting.contains("receipt-link") && !waiting.contains("pdf-link"))
        let ready = LetterPage.render(session: fo, sheet: Self.sheet(.ready, stepDue: Self.now), actions: [], showsPrint: true,
                                      language: .id, now: Self.now)
        #expect(ready.contains("href=\"/api/v1/letters/7QK2M9XW4HNPA/pdf\""))
    }
}
