import Complaints
import Foundation
import Testing
@testable import Web

/// The case page of a part of a request that fans out: what was asked for, the reporter's code and
/// each agency's part, with links only to the cases the reader may open.
struct StaffCasePageRequestTests {
    static let parentCode = "ABCDEFGHJKMNP"
    static let siblingCode = "QRSTUVWXYZ234"
    static let request = CaseRequest(trackingCode: parentCode, typeNameID: "Layanan 3-in-1 bayi baru lahir",
                                     typeNameEN: "Newborn 3-in-1 service", parts: [
        CaseRequest.Part(trackingCode: siblingCode, agency: "rsud", agencyNameID: "Rumah Sakit Umum Daerah",
                         agencyNameEN: "Regional general hospital", status: .closed),
        CaseRequest.Part(trackingCode: Sample.code, agency: "disdukcapil", agencyNameID: "Dinas Kependudukan dan Pencatatan Sipil",
                         agencyNameEN: "Civil registry office", status: .inProgress),
    ])

    func render(request: CaseRequest?, links: Set<String> = [], language: Language = .id) -> String {
        let view = StaffCaseView(stored: Sample.stored(), timeline: [], reporter: nil, photos: [],
                                 duplicates: DuplicateLinks(duplicateOf: nil, joined: []), actions: [], colleagues: [],
                                 categories: Sample.categories, request: request, requestLinks: links)
        return StaffCasePage.render(view, session: Sample.session(), language: language)
    }

    @Test func aPartNamesItsRequestTheReportersCodeAndEveryAgencysPartMarkingItsOwn() {
        let html = render(request: Self.request, links: [Self.parentCode])
        #expect(html.contains("<section id=\"request\"><h2>Permohonan gabungan</h2>"))
        #expect(html.contains("Layanan 3-in-1 bayi baru lahir"))
        #expect(html.contains("<span id=\"request-code\"><a href=\"/staff/cases/\(Self.parentCode)\">ABCD-EFGH-JKMNP</a></span>"),
                "the parent is linked: it may be opened")
        #expect(html.contains("<li data-agency=\"rsud\" data-status=\"closed\"><strong>Rumah Sakit Umum Daerah</strong>: Ditutup"))
        #expect(!html.contains("href=\"/staff/cases/\(Self.siblingCode)\""), "another agency's part is named, not linked")
        #expect(html.contains("(kasus ini)") && !html.contains("href=\"/staff/cases/\(Sample.code)\""))
        #expect(render(request: Self.request, language: .en).contains("Regional general hospital</strong>: Closed"))
    }

    @Test func aCaseOfNoRequestHasNoSuchSection() {
        #expect(!render(request: nil).contains("id=\"request\""))
    }
}
