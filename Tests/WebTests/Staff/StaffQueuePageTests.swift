import Complaints
import Foundation
import Testing
@testable import Web

struct StaffQueuePageTests {
    let now = Sample.at.addingTimeInterval(3 * 86_400)

    func render(_ account: Account = Sample.account(), cases: [Case] = [], byStatus: [ComplaintStatus: Int] = [:], overdue: Int = 0,
                filter: QueueFilter = QueueFilter(module: .publicWorks), language: Language = .id, search: String? = nil,
                error: String? = nil) -> String {
        StaffQueuePage.render(session: Sample.session(account),
                              listing: StaffQueueListing(entries: cases.map { QueueEntry($0, holder: nil) },
                                                         counts: QueueCounts(byStatus: byStatus, overdue: overdue, total: cases.count),
                                                         filter: filter),
                              categories: Sample.categories, subUnits: Sample.subUnits, language: language, now: now,
                              search: search, error: error)
    }

    func options(of select: String, in html: String) -> [String] {
        guard let start = html.range(of: "<select id=\"\(select)\""), let end = html[start.upperBound...].range(of: "</select>") else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "<option value=\"").dropFirst()
            .map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func countsShowEachStatusPresentAndTheOverdue() {
        let html = render(byStatus: [.verified: 2, .inProgress: 5], overdue: 3)
        #expect(html.contains("<ul id=\"counts\"><li data-status=\"verified\">Terverifikasi: 2</li><li data-status=\"in_progress\">Sedang ditindaklanjuti: 5</li><li class=\"late\" data-status=\"overdue\">Lewat batas waktu: 3</li></ul>"))
    }

    @Test func theStatusFilterOffersOpenStatusesOnly() {
        let statuses = options(of: "status", in: render())
        #expect(statuses == ["", "received", "dispatched", "verified", "in_progress", "awaiting_validation", "resolved", "postponed",
                             "forwarded", "awaiting_reporter"])
    }

    @Test func theFilterShowsWhatWasAskedFor() {
        let filter = QueueFilter(module: .publicWorks, categories: ["pekerjaan-umum"], status: .verified, priority: .urgent,
                                 area: RegionCode("99.01.01.2001"), overdueOnly: true, subUnit: "dpupr-jalan")
        let html = render(filter: filter)
        #expect(html.contains("<option value=\"verified\" selected>"))
        #expect(html.contains("<option value=\"urgent\" selected>Mendesak</option>"))
        #expect(html.contains("<option value=\"pekerjaan-umum\" selected>"))
        #expect(html.contains("<option value=\"dpupr-jalan\" selected>Bidang Jalan</option>"))
        #expect(html.contains("<option value=\"99.01.01.2001\" selected>99.01.01.2001</option>"), "a code asked for stays offered")
        #expect(html.contains("name=\"overdue\" value=\"true\" checked>"))
    }

    @Test func moduleStaffChooseAmongTheirModulesCategoriesAndSubUnits() {
        let html = render(Sample.account(role: .staff, module: .publicWorks))
        #expect(options(of: "category", in: html) == ["", "pekerjaan-umum"])
        #expect(options(of: "sub-unit", in: html) == ["", "dpupr-pju", "dpupr-jalan"])
        #expect(!html.contains("<select id=\"module\"") && !html.contains("<select id=\"agency\"") && !html.contains("name=\"inspectorate\""))
    }

    @Test func anAccountWithCategoriesChoosesAmongThem() {
        let html = render(Sample.account(module: .intake, categories: ["kesehatan", "sosial"]))
        #expect(options(of: "category", in: html) == ["", "sosial", "kesehatan"])
    }

    @Test func anAccountOfASubUnitIsOfferedNoSubUnitFilter() {
        #expect(!render(Sample.account(subUnit: "dpupr-pju")).contains("<select id=\"sub-unit\""))
    }

    @Test func inspectorsChooseAnyModuleAgencyAndTheInspectorateQueue() {
        let html = render(Sample.account(role: .inspector, module: nil), filter: QueueFilter(inspectorate: .only))
        #expect(options(of: "module", in: html) == [""] + ModuleName.allCases.map(\.rawValue))
        #expect(options(of: "agency", in: html) == ["", "dinkes", "dinsos", "dpupr"])
        #expect(html.contains("<option value=\"dpupr\">DPUPR</option>"))
        #expect(options(of: "category", in: html) == ["", "pekerjaan-umum", "sosial", "kesehatan"])
        #expect(options(of: "sub-unit", in: html) == ["", "dpupr-pju", "dpupr-jalan", "dinsos-rehab"])
        #expect(html.contains("name=\"inspectorate\" value=\"true\" checked>"))
    }

    @Test func adminsChooseAnyModuleButNotTheInspectorateQueue() {
        let html = render(Sample.account(role: .admin, module: nil), filter: QueueFilter())
        #expect(html.contains("<select id=\"module\"") && html.contains("<select id=\"agency\""))
        #expect(!html.contains("name=\"inspectorate\""))
    }

    @Test func rowsLinkToTheCaseAndMarkLateAndOwnCases() {
        let late = Sample.stored(code: "ABCDEFGHJKMNP", priority: .high, assignedTo: 7, dueAt: now.addingTimeInterval(-60))
        let onTime = Sample.stored(code: "0123456789ABC", kelurahan: nil, dueAt: now.addingTimeInterval(86_400))
        let html = render(cases: [late, onTime])
        #expect(html.contains("<tr data-code=\"ABCDEFGHJKMNP\"><td><a href=\"/staff/cases/ABCDEFGHJKMNP\">ABCD-EFGH-JKMNP</a> <em>(ditugaskan kepada Anda)</em></td>"))
        #expect(html.contains("<td class=\"late\">4 Jan 2026 06.59 WIB LEWAT</td>"))
        #expect(html.contains("<td>Tinggi</td><td>Sukamaju, Cibeunying</td>"))
        #expect(html.contains("<a href=\"/staff/cases/0123456789ABC\">0123-4567-89ABC</a></td>"))
        #expect(html.contains("<td>Cibeunying</td><td class=\"age\""))
        #expect(html.contains("<td>5 Jan 2026 07.00 WIB</td></tr>"))
        #expect(!html.contains(StaffStrings.noCases.text(.id)))
    }

    @Test func anEmptyQueueSaysSo() {
        #expect(render().contains("<p>\(StaffStrings.noCases.text(.id))</p>"))
    }

    @Test func inspectorateCasesAreMarked() {
        let html = render(Sample.account(role: .inspector, module: nil), cases: [Sample.stored(inspectorate: true)], filter: QueueFilter())
        #expect(html.contains("Sedang ditindaklanjuti · Di antrean inspektorat</td>"))
    }

    @Test func speaksEnglishAndKeepsItInTheFormsAndLinks() {
        let html = render(cases: [Sample.stored()], byStatus: [.inProgress: 1], language: .en)
        #expect(html.contains("<html lang=\"en\">") && html.contains("<h1>Queue</h1>"))
        #expect(html.contains("<li data-status=\"in_progress\">In progress: 1</li>"))
        #expect(html.components(separatedBy: "<input type=\"hidden\" name=\"lang\" value=\"en\">").count == 3, "the search and the filters")
        #expect(html.contains("<a href=\"/staff/cases/\(Sample.code)?lang=en\">"))
        #expect(!html.contains("Antrean"))
    }

    @Test func anUnreadableSearchIsKeptWithWhy() {
        let html = render(search: "ABCD-XYZ", error: StaffStrings.codeUnreadable.text(.id))
        #expect(html.contains("<input id=\"find-code\" name=\"code\" value=\"ABCD-XYZ\""))
        #expect(html.contains("<p class=\"error\" role=\"alert\" id=\"page-error\">\(StaffStrings.codeUnreadable.text(.id))</p>"))
    }

    @Test func theOnlyStateChangingFormIsTheLogoutWithTheToken() {
        let forms = Markup.postForms(render())
        #expect(forms.count == 1)
        #expect(forms.first?.contains("action=\"/staff/logout\"") == true)
        #expect(forms.first?.contains("<input type=\"hidden\" name=\"csrf\" value=\"csrf-token-of-the-session\">") == true)
    }

    @Test(arguments: Hostile.all)
    func queryValuesEchoedBackAndCaseTextsAreEscaped(hostile: Hostile) {
        func render(_ text: String) -> String {
            let stored = Sample.stored(category: text, kelurahan: text, kecamatan: nil)
            let listing = StaffQueueListing(entries: [QueueEntry(stored, holder: text)], counts: QueueCounts(total: 1),
                                            filter: QueueFilter(module: .publicWorks, area: RegionCode("99.01.01"),
                                                                search: try? QueueSearch(text + "abc")),
                                            query: [(text, text)],
                                            areas: RegionDirectory(regions: [NamedRegion(code: RegionCode("99.01.01")!, name: text),
                                                                             NamedRegion(code: RegionCode("99.01.01.2001")!, name: text)]))
            return StaffQueuePage.render(session: Sample.session(Sample.account(login: text, area: text)), listing: listing,
                                         categories: Sample.categories,
                                         subUnits: [SubUnit(code: text, agency: "dpupr", module: .publicWorks, nameID: text, nameEN: text)],
                                         language: .id, now: now, search: text, error: text)
        }
        let html = render(hostile.raw)
        #expect(Markup.skeleton(html) == Markup.skeleton(render(Hostile.plain)))
        #expect(Markup.contains(html, "<optgroup label=\"Kecamatan \(hostile.escaped)\"><option value=\"99.01.01\" selected>\(hostile.escaped) (seluruh kecamatan)</option><option value=\"99.01.01.2001\">\(hostile.escaped)</option></optgroup>"))
        #expect(Markup.contains(html, "<td class=\"holder\">\(hostile.escaped)</td>"))
        #expect(Markup.contains(html, "name=\"code\" value=\"\(hostile.escaped)\""))
        #expect(Markup.contains(html, "<option value=\"\(hostile.escaped)\">\(hostile.escaped)</option>"))
        #expect(Markup.contains(html, "<td>\(hostile.escaped)</td>"))
        #expect(Markup.contains(html, "<span> \(hostile.escaped) (Petugas)</span>"))
    }
}

struct PriorityTextTests {
    @Test func everyPriorityHasWordsInBothLanguages() {
        #expect(Priority.allCases.map { PriorityText.label($0, .id) } == ["Rendah", "Normal", "Tinggi", "Mendesak"])
        #expect(Priority.allCases.map { PriorityText.label($0, .en) } == ["Low", "Normal", "High", "Urgent"])
    }
}
