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

extension AdminReferencePageTests {
    static let domisili = ReferenceRecord(id: "domisili", values: [
        "code": .text("domisili"), "name_id": .text("Surat Keterangan Domisili"), "name_en": .text("Certificate of residence"),
        "classification": .text("470"), "body_template": .text("Menerangkan <b>{{applicant.name}}</b>.\n\nSejak {{fields.sejak}}."),
        "fields": .list([.object(["key": .text("sejak"), "label_id": .text("Sejak"), "label_en": .text("Since"), "type": .text("date"),
                                  "required": .boolean(true)]),
                         .object(["key": .text("jenis"), "label_id": .text("Jenis"), "label_en": .text("Kind"), "type": .text("choice"),
                                  "required": .boolean(false), "choices": .list([.text("Tetap"), .text("Sementara")])])]),
        "reaches_district": .boolean(false), "deadline_days": .integer(3), "active": .boolean(true),
    ])

    @Test func aLetterTypesFieldsAreRowsAndItsTemplateATextArea() {
        let html = AdminReferencePage.render(session: Sample.session(admin), kind: .letterTypes, records: [Self.domisili], language: .id)
        #expect(html.contains("<h1>Data acuan: Jenis surat</h1>"))
        #expect(html.contains("<textarea id=\"record-0-body_template\" name=\"body_template\" rows=\"6\" cols=\"80\" required>"
            + "Menerangkan &lt;b&gt;{{applicant.name}}&lt;/b&gt;.\n\nSejak {{fields.sejak}}.</textarea>"))
        #expect(html.contains("id=\"record-0-deadline_days\" name=\"deadline_days\" min=\"1\" max=\"60\" value=\"3\" required"))
        #expect(html.contains("id=\"record-0-fields-0-key\" name=\"fields.0.key\" aria-label=\"Isian 1: Kunci\" value=\"sejak\""))
        #expect(html.contains("<option value=\"date\" selected>date</option>"))
        #expect(html.contains("name=\"fields.0.required\" aria-label=\"Isian 1: Wajib\" value=\"true\" checked"))
        #expect(html.contains("name=\"fields.1.choices\" aria-label=\"Isian 2: Pilihan\" value=\"Tetap, Sementara\""))
        #expect(html.contains("name=\"fields.3.key\"") && !html.contains("name=\"fields.4.key\""), "two blank rows to add fields")
        #expect(html.contains("id=\"new-fields-1-key\""), "the add form has its blank rows")
        #expect(html.contains("<span class=\"field\" data-field=\"code\">Kode: domisili</span>"))
    }

    @Test func aRefusedNewLetterTypeComesBackWithItsRowsAsTyped() {
        let html = AdminReferencePage.render(session: Sample.session(admin), kind: .letterTypes, records: [], language: .en,
                                             error: Refusal.templateUnknownField("alasan").message(.en),
                                             values: ["code": "janda", "fields.0.key": "keperluan", "fields.0.type": "number",
                                                      "fields.5.key": "x"])
        #expect(html.contains("the body template names {{fields.alasan}}, but the type has no field alasan"))
        #expect(html.contains("id=\"new-fields-0-key\" name=\"fields.0.key\" aria-label=\"Field 1: Key\" value=\"keperluan\""))
        #expect(html.contains("id=\"new-fields-1-key\" name=\"fields.1.key\" aria-label=\"Field 2: Key\" value=\"x\""), "blank rows close up")
        #expect(html.contains("<option value=\"number\" selected>number</option>"))
    }

    @Test func theServiceLevelsPageLeadsToTheLetterTypesDeadlines() {
        let html = AdminReferencePage.render(session: Sample.session(admin), kind: .deadlines, records: [], language: .id)
        #expect(html.contains("Batas waktu surat desa dan kecamatan diatur per jenis surat: <a href=\"/staff/admin/letter-types\">Jenis surat</a>"))
    }
}
