import Complaints
import Testing
@testable import Web

struct AdminReferencePageTests {
    let admin = Sample.account(id: 1, login: "admin", role: .admin, module: nil)
    let routes = [
        ReferenceRecord(id: "sosial", values: ["category": .text("sosial"), "kecamatan": .none, "module": .text("social"), "agency": .text("dinsos")]),
        ReferenceRecord(id: "pekerjaan-umum:Cibiru Hilir", values: ["category": .text("pekerjaan-umum"), "kecamatan": .text("Cibiru Hilir"),
                                                                     "module": .text("social"), "agency": .text("dinsos")]),
    ]

    @Test func eachRecordIsAFormOfItsOwnPostedToItsIdInThePagesLanguage() {
        let html = AdminReferencePage.render(session: Sample.session(admin), kind: .routes, records: routes, language: .en)
        #expect(html.contains("data-id=\"pekerjaan-umum:Cibiru Hilir\" action=\"/staff/admin/routes/pekerjaan-umum:Cibiru%20Hilir?lang=en\""))
        #expect(html.contains("<h1>Reference data: Routes</h1>"))
        #expect(html.contains("<span class=\"field\" data-field=\"kecamatan\">Kecamatan (empty: everywhere): —</span>"),
                "the fields of the id are shown, not edited")
        #expect(html.contains("<option value=\"social\" selected>social</option>"))
        #expect(html.components(separatedBy: "name=\"csrf\"").count - 1 == routes.count + 2, "every form and the logout carry the token")
    }

    @Test func theAddFormKeepsWhatWasTypedAndShowsTheRefusal() {
        let html = AdminReferencePage.render(session: Sample.session(admin), kind: .holidays, records: [], language: .id,
                                             error: Refusal.invalidReferenceField(ReferenceKind.holidays.fields[0]).message(.id),
                                             values: ["day": "2026-02-30"])
        #expect(html.contains("<h1>Data acuan: Hari libur</h1>"))
        #expect(html.contains("id=\"new-day\" name=\"day\" placeholder=\"TTTT-BB-HH\" value=\"2026-02-30\" required"))
        #expect(html.contains("Isian &quot;day&quot; harus tanggal yang ada, ditulis TTTT-BB-HH."), "escaped")
        #expect(html.contains("<option value=\"national\" selected>national</option>"), "a new holiday is national unless chosen")
        #expect(html.contains("id=\"new-active\" name=\"active\" value=\"true\" checked"))
    }

    @Test func onlyAnAdminsNavigationLeadsToTheReferenceData() {
        #expect(StaffFrame.page(title: "t", language: .id, session: Sample.session(admin), path: "/staff/", body: "")
            .contains("href=\"/staff/admin/categories\">Data acuan</a>"))
        let staff = Sample.account(id: 2, login: "budi")
        #expect(!StaffFrame.page(title: "t", language: .id, session: Sample.session(staff), path: "/staff/", body: "")
            .contains("/staff/admin/"))
    }
}
