import Complaints
import Foundation
import Testing
@testable import Web

/// The case page leads with what to do next.
struct StaffCasePageNextStepsTests {
    func view(_ stored: Case = Sample.stored(), actions: [StaffAction] = StaffAction.allCases, photos: [CasePhoto] = [],
              holder: String? = nil) -> StaffCaseView {
        StaffCaseView(stored: stored, timeline: [], reporter: nil, photos: photos, duplicates: DuplicateLinks(duplicateOf: nil, joined: []),
                      actions: actions, colleagues: [Sample.account(id: 8, login: "sari")], subUnits: Array(Sample.subUnits.prefix(2)),
                      categories: Sample.categories, holder: holder)
    }

    func render(_ view: StaffCaseView, language: Language = .id) -> String {
        StaffCasePage.render(view, session: Sample.session(), language: language)
    }

    func position(_ text: String, in html: String) -> Int {
        html.range(of: text).map { html.distance(from: html.startIndex, to: $0.lowerBound) } ?? Int.max
    }

    @Test func theComplaintAndItsPhotosComeBeforeTheActionsAndTheDetails() {
        let html = render(view(photos: [CasePhoto(id: 31, purpose: .report, position: 1, mediaType: "image/jpeg")]))
        let order = ["id=\"holder\"", "id=\"description\"", "/photos/31", "id=\"next-actions\"", "id=\"other-actions\"", "<dl>", "id=\"timeline\""]
            .map { position($0, in: html) }
        #expect(order == order.sorted() && order.last! < Int.max, "\(order)")
    }

    @Test func theExpectedActionsAreThePrimaryButtonsAndTheRestIsFolded() throws {
        let html = render(view(Sample.stored(status: .inProgress)))
        let next = try #require(html.components(separatedBy: "<section id=\"next-actions\">").last?.components(separatedBy: "</section>").first)
        #expect(next.contains("<form class=\"action primary\" id=\"action-resolve\""))
        #expect(next.contains("<form class=\"action primary\" id=\"action-request-validation\""))
        #expect(Markup.postForms(next).count == 2)
        let folded = try #require(html.components(separatedBy: "<details id=\"other-actions\"><summary>Tindakan lain</summary>").last)
        #expect(folded.contains("id=\"action-notes\"") && folded.contains("id=\"action-escalate\"") && !folded.contains("id=\"action-resolve\""))
    }

    @Test func aCaseWithNothingExpectedOfTheReaderSaysSoAndFoldsWhatIsAllowed() {
        let html = render(view(Sample.stored(status: .resolved), actions: [.notes, .close]))
        #expect(html.contains("<section id=\"next-actions\"><h2>Langkah berikutnya</h2><p>\(CaseWords.nothingExpected.text(.id))</p></section>"))
        #expect(html.contains("<details id=\"other-actions\">"))
    }

    @Test(arguments: [StaffAction.reject, .close])
    func endingACaseAsksForARequiredConfirmation(action: StaffAction) {
        let html = render(view(actions: [action]))
        #expect(html.contains("<input type=\"checkbox\" id=\"action-\(action.urlName)-confirm\" name=\"confirm\" value=\"yes\" required>"))
        #expect(!render(view(actions: [.postpone])).contains("name=\"confirm\""))
    }

    @Test func thePageSaysWhoHoldsTheCase() {
        #expect(render(view(holder: "Budi Santoso")).contains("<p id=\"holder\">Dipegang oleh: <strong>Budi Santoso</strong></p>"))
        #expect(render(view()).contains("<p id=\"holder\">Belum ada yang memegang kasus ini.</p>"))
        #expect(render(view(holder: "<b>x</b>")).contains("<strong>&lt;b&gt;x&lt;/b&gt;</strong>"))
    }

    @Test func categoriesAndSubcategoriesAreNamedNeverCoded() throws {
        let category = try #require(Sample.categories.first { !$0.subcategories.isEmpty })
        let subcategory = category.subcategories[0]
        var stored = Sample.stored(category: category.code)
        stored = Case(id: stored.id, trackingCode: stored.trackingCode, category: category.code, subcategory: subcategory.code,
                      module: category.module, agency: stored.agency, channel: stored.channel, status: stored.status, priority: stored.priority,
                      description: stored.description, location: stored.location, kelurahan: stored.kelurahan, kecamatan: stored.kecamatan,
                      lat: nil, lon: nil, anonymous: false, confidential: false, inspectorate: false, escalationLevel: 0, overdueStep: 0,
                      assignedTo: nil, subUnit: nil, dueAt: nil, createdAt: stored.createdAt, updatedAt: stored.updatedAt, moduleFields: [:])
        let html = render(view(stored))
        #expect(html.contains("<dd>\(category.nameID) / \(subcategory.nameID)</dd>"))
        #expect(html.contains("<p class=\"lead\">\(category.nameID) · "))
    }

    @Test func eachActionsResultSaysWhatHappened() {
        #expect(CaseWords.done("claim", .id) == "Kasus diambil.")
        #expect(CaseWords.done("claim", .en) == "Case claimed.")
        #expect(CaseWords.done("reject", .id) == "Kasus ditolak; pelapor diberi tahu.")
        for action in StaffAction.allCases {
            #expect(CaseWords.done(action.urlName, .id) != StaffStrings.done.text(.id), "\(action) says what it did")
        }
        #expect(CaseWords.done(nil, .id) == nil)
    }
}
