import Complaints
import Foundation
import Testing
@testable import Web

struct StaffCasePageTests {
    static let everyAction = StaffAction.allCases

    static let profile = ModuleProfile(fields: [
        ModuleField("pole_id", id: "Nomor tiang", en: "Pole number", kind: .text(maxLength: 40)),
        ModuleField("asset", id: "Jenis aset", en: "Asset", kind: .choice([("streetlight", "Lampu jalan", "Street light"), ("road", "Jalan", "Road")])),
        ModuleField("person", id: "Orang yang membutuhkan", en: "Person in need", kind: .text(maxLength: 200), confidential: true),
    ])

    func view(_ stored: Case = Sample.stored(), reporter: Contact? = nil, actions: [StaffAction] = everyAction,
              timeline: [CaseEvent]? = nil, colleagues: [Account] = [Sample.account(id: 8, login: "sari")],
              duplicates: DuplicateLinks = DuplicateLinks(duplicateOf: nil, joined: []), photos: [CasePhoto] = [],
              fields: [String: String] = [:], showsConfidential: Bool = true) -> StaffCaseView {
        StaffCaseView(stored: stored, timeline: timeline ?? [
            CaseEvent(kind: EventKind(rawValue: "submitted"), at: Sample.at, actorRole: ActorRole(rawValue: "citizen"), isPublic: true, note: nil, toStatus: "received"),
            CaseEvent(kind: EventKind(rawValue: "note"), at: Sample.at, actorRole: ActorRole(rawValue: "staff"), isPublic: false, note: "Cek ke lokasi besok.", toStatus: nil),
        ], reporter: reporter, photos: photos, duplicates: duplicates, actions: actions, colleagues: colleagues,
                      subUnits: Array(Sample.subUnits.prefix(2)), categories: Sample.categories, profile: Self.profile,
                      fields: fields, showsConfidential: showsConfidential)
    }

    func render(_ view: StaffCaseView, language: Language = .id, notice: String? = nil, error: String? = nil,
                values: [String: String] = [:]) -> String {
        StaffCasePage.render(view, session: Sample.session(), language: language, notice: notice, error: error, values: values)
    }

    @Test func showsTheReporterOnlyWhenGiven() {
        let shown = render(view(reporter: Contact(name: "Siti Aminah", email: "siti@example.id", phone: "081234567890")))
        #expect(shown.contains("<p id=\"reporter\">Siti Aminah<br>siti@example.id<br>081234567890</p>"))
        let hidden = render(view(Sample.stored(anonymous: true), reporter: nil))
        #expect(hidden.contains("<p id=\"reporter\" class=\"internal\">\(StaffStrings.reporterHidden.text(.id))</p>"))
        #expect(!hidden.contains("Siti") && !hidden.contains("@example.id") && !hidden.contains("0812"))
    }

    @Test func aReporterWhoIsNotAnonymousButLeftNoContactIsNotCalledAnonymous() {
        let html = render(view(Sample.stored(anonymous: false), reporter: nil))
        #expect(html.contains("<p id=\"reporter\" class=\"internal\">Pelapor tidak meninggalkan kontak.</p>"))
        #expect(!html.contains(StaffStrings.reporterHidden.text(.id)))
    }

    @Test func anAnonymousReporterIsSaidToBeToldByTheHubWithoutShowingAnyContact() {
        let html = render(view(Sample.stored(anonymous: true), reporter: nil), language: .en)
        #expect(html.contains("shown to no staff role. The hub itself still tells them of each step on any contact they left."))
    }

    @Test func aReporterWithSomeContactShowsWhatThereIs() {
        let html = render(view(reporter: Contact(name: nil, email: nil, phone: "081234567890")))
        #expect(html.contains("<p id=\"reporter\">081234567890</p>"))
    }

    @Test func showsTheCaseInIndonesian() {
        let html = render(view(Sample.stored(dueAt: Sample.at)))
        #expect(html.contains("<html lang=\"id\">"))
        #expect(html.contains("<span id=\"case-code\">\(Sample.code)</span>"))
        #expect(html.contains("<span class=\"code\" id=\"case-code-grouped\">7QK2-M9XW-4HNPA</span>"))
        #expect(html.contains("<dd id=\"status\" data-status=\"in_progress\">Sedang ditindaklanjuti</dd>"))
        #expect(html.contains("<dt>Kategori</dt><dd>Pekerjaan Umum</dd>"))
        #expect(html.contains("<dt>Prioritas</dt><dd>Normal</dd>"))
        #expect(html.contains("<dt>Batas waktu</dt><dd>1 Jan 2026 07.00 WIB</dd>"))
        #expect(html.contains("<dt>Anonim</dt><dd>tidak</dd>"))
        #expect(html.contains("<p class=\"text\" id=\"description\">Lampu jalan mati.</p>"))
        #expect(html.contains("<button type=\"submit\" class=\"primary\">Selesaikan</button>"), "what an in-progress case expects next")
        #expect(html.contains("<a href=\"/staff/\">← Kembali ke antrean</a>"))
    }

    @Test func speaksEnglishWithEn() {
        let html = render(view(), language: .en)
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("<dd id=\"status\" data-status=\"in_progress\">In progress</dd>"))
        #expect(html.contains("<dt>Category</dt><dd>Public works</dd>"))
        #expect(html.contains("<button type=\"submit\" class=\"primary\">Resolve</button>"))
        #expect(html.contains("action=\"/staff/cases/\(Sample.code)/resolve?lang=en\""))
        #expect(html.contains("<a href=\"/staff/?lang=en\">← Back to the queue</a>"))
        #expect(!html.contains("Selesaikan"))
    }

    @Test func everyFormThatChangesStateCarriesTheSessionsToken() {
        let html = render(view())
        let forms = Markup.postForms(html)
        #expect(forms.count == Self.everyAction.count + 1, "every action and the logout")
        for form in forms {
            #expect(form.contains("<input type=\"hidden\" name=\"csrf\" value=\"csrf-token-of-the-session\">"), "\(form.prefix(120))")
        }
    }

    @Test func offersOnlyTheActionsGiven() {
        let html = render(view(actions: [.claim, .notes]))
        #expect(html.contains("id=\"action-claim\"") && html.contains("id=\"action-notes\""))
        #expect(!html.contains("id=\"action-resolve\""))
        let none = render(view(actions: []))
        #expect(none.contains("<p>\(StaffStrings.noActions.text(.id))</p>") && !none.contains("class=\"action\""))
    }

    @Test func photoActionsSendMultipart() {
        let html = render(view())
        #expect(html.contains("id=\"action-resolve\" method=\"post\" action=\"/staff/cases/\(Sample.code)/resolve\" enctype=\"multipart/form-data\">"))
        #expect(html.contains("id=\"action-notes\" method=\"post\" action=\"/staff/cases/\(Sample.code)/notes\">"))
    }

    @Test func disposingOffersTheOtherSubUnitsAndChoosesNone() {
        let html = render(view(Sample.stored(subUnit: "dpupr-pju")))
        #expect(html.contains("name=\"sub_unit\" required><option value=\"\">\(StaffStrings.chooseOne.text(.id))</option><option value=\"dpupr-jalan\">Bidang Jalan</option></select>"))
        #expect(html.contains("<dt>Unit pelaksana</dt><dd>UPT PJU</dd>"))
    }

    @Test func escalationOffersHigherPrioritiesAndOtherCategories() {
        let html = render(view(Sample.stored(priority: .high)))
        #expect(html.contains("<option value=\"urgent\">Mendesak</option>"))
        #expect(!html.contains("<option value=\"normal\">") && !html.contains("<option value=\"high\">"))
        #expect(html.contains("<option value=\"sosial\">Sosial</option>") && !html.contains("<option value=\"pekerjaan-umum\">"))
    }

    @Test func moduleFieldsShowTheirLabelsAndConfidentialOnesOnlyToTheModule() {
        let fields = ["pole_id": "PJU-12", "asset": "streetlight", "person": "Pak Darto"]
        let own = render(view(fields: fields, showsConfidential: true))
        #expect(own.contains("<dt>Jenis aset</dt><dd data-field=\"asset\">Lampu jalan</dd>"))
        #expect(own.contains("<dd data-field=\"person\">Pak Darto</dd>") && own.contains("name=\"field.person\""))
        #expect(own.contains("<option value=\"streetlight\" selected>"))
        let other = render(view(fields: ["pole_id": "PJU-12", "asset": "streetlight"], showsConfidential: false))
        #expect(!other.contains("Pak Darto") && !other.contains("name=\"field.person\"") && !other.contains("data-field=\"person\""))
        #expect(other.contains("name=\"field.pole_id\" maxlength=\"40\" value=\"PJU-12\""))
    }

    @Test func theTimelineMarksInternalEvents() {
        let html = render(view())
        #expect(html.contains("<li data-kind=\"note\"><strong>Catatan</strong> — Petugas, 1 Jan 2026 07.00 WIB <span class=\"internal\">(internal)</span>"))
        #expect(html.contains("<li data-kind=\"submitted\"><strong>Pengaduan diterima</strong> — Pelapor, 1 Jan 2026 07.00 WIB <span class=\"internal\">(publik)</span>"))
        #expect(html.contains("<br><span class=\"text\">Cek ke lokasi besok.</span>"))
    }

    @Test func linkedReportsAreReadOutGrouped() {
        let html = render(view(duplicates: DuplicateLinks(duplicateOf: "ABCDEFGHJKMNP", joined: [("0123456789ABC", "closed")])))
        #expect(html.contains("<a href=\"/staff/cases/ABCDEFGHJKMNP\">ABCD-EFGH-JKMNP</a>"))
        #expect(html.contains("<a href=\"/staff/cases/0123456789ABC\">0123-4567-89ABC</a> (Ditutup)"))
    }

    @Test func photosAreServedFromTheStaffPath() {
        let html = render(view(photos: [CasePhoto(id: 31, purpose: .report, position: 1, mediaType: "image/jpeg"),
                                        CasePhoto(id: 32, purpose: .resolution, position: 1, mediaType: "image/png")]))
        #expect(html.contains("<img src=\"/staff/cases/\(Sample.code)/photos/31\" alt=\"Foto laporan 1\""))
        #expect(html.contains("<img src=\"/staff/cases/\(Sample.code)/photos/32\" alt=\"Foto hasil tindak lanjut 1\""))
    }

    @Test func aRefusedActionKeepsWhatWasTypedInItsOwnFormOnly() {
        let html = render(view(), error: "Catatan wajib diisi.", values: ["action": "reject", "reason": "Bukan wewenang kami."])
        #expect(html.contains("<p class=\"error\" role=\"alert\" id=\"page-error\">Catatan wajib diisi.</p>"))
        #expect(html.contains("id=\"action-reject-reason\" name=\"reason\" rows=\"3\" required>Bukan wewenang kami.</textarea>"))
        #expect(html.contains("id=\"action-postpone-reason\" name=\"reason\" rows=\"3\" required></textarea>"))
    }

    @Test(arguments: Hostile.all)
    func everyUserSuppliedTextIsEscaped(hostile: Hostile) {
        func render(_ text: String) -> String {
            let stored = Sample.stored(category: text, description: text, location: text, kelurahan: text, kecamatan: text, subUnit: text)
            let events = [CaseEvent(kind: EventKind(rawValue: text), at: Sample.at, actorRole: ActorRole(rawValue: text), isPublic: false, note: text, toStatus: nil)]
            let page = view(stored, reporter: Contact(name: text, email: text, phone: text), timeline: events,
                            colleagues: [Sample.account(id: 8, login: text)],
                            duplicates: DuplicateLinks(duplicateOf: nil, joined: [(Sample.code, text)]),
                            fields: ["pole_id": text, "asset": text, "person": text])
            let kept = ["action": "escalate", "reason": text]
            return StaffCasePage.render(page, session: Sample.session(Sample.account(login: text), csrf: text), language: .id,
                                        notice: text, error: text, values: kept)
        }
        let html = render(hostile.raw)
        #expect(Markup.skeleton(html) == Markup.skeleton(render(Hostile.plain)))
        #expect(Markup.contains(html, "<p class=\"text\" id=\"description\">\(hostile.escaped)</p>"))
        #expect(Markup.contains(html, "<dt>Lokasi</dt><dd>\(hostile.escaped)</dd>"))
        #expect(Markup.contains(html, "<p id=\"reporter\">\(hostile.escaped)<br>\(hostile.escaped)<br>\(hostile.escaped)</p>"))
        #expect(Markup.contains(html, "<option value=\"\(hostile.escaped)\">\(hostile.escaped)</option>"), "a colleague's login")
        #expect(Markup.contains(html, "<li data-kind=\"\(hostile.escaped)\">"))
        #expect(Markup.contains(html, "<span class=\"text\">\(hostile.escaped)</span>"))
        #expect(Markup.contains(html, "value=\"\(hostile.escaped)\">"), "a module field or the session's token")
        #expect(Markup.contains(html, "rows=\"2\">\(hostile.escaped)</textarea>"), "the kept escalation reason")
        #expect(Markup.contains(html, "<p class=\"notice\" role=\"status\">\(hostile.escaped)</p>"))
    }
}
