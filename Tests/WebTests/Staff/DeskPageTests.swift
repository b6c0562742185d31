import Complaints
import Testing
@testable import Web

struct DeskPageTests {
    let session = Sample.session(Sample.account(role: .staff, module: .intake), csrf: "csrf-token-of-the-session")
    let channels = [IntakeChannel(code: "tatap-muka-balai-kota", nameID: "Tatap muka: Pendopo Balai Kota", nameEN: "In person: City Hall desk"),
                    IntakeChannel(code: "telepon", nameID: "Telepon / pusat panggilan", nameEN: "Telephone / call centre")]
    var choices: [CategoryChoice] { Sample.categories.map { CategoryChoice($0, language: .id) } }

    func render(values: [String: String] = [:], errors: [String: String] = [:], language: Language = .id) -> String {
        DeskPage.render(session: session, categories: choices, channels: channels, language: language, values: values, errors: errors,
                        formToken: "0123456789abcdef0123456789abcdef")
    }

    @Test func theDeskFormCarriesTheSessionsCSRFTokenAndAOneTimeToken() throws {
        let forms = Markup.postForms(render())
        let desk = try #require(forms.first { $0.contains("action=\"/staff/desk\"") })
        #expect(desk.contains("<input type=\"hidden\" name=\"csrf\" value=\"csrf-token-of-the-session\">"))
        #expect(desk.contains("<input type=\"hidden\" name=\"form_token\" value=\"0123456789abcdef0123456789abcdef\">"))
        #expect(desk.contains("enctype=\"multipart/form-data\""))
    }

    @Test func offersTheTablesChannelsInOrderTheFirstChosen() {
        let html = render()
        #expect(html.contains("<select id=\"intake_channel\" name=\"intake_channel\" required aria-describedby=\"intake_channel-hint\">"
                              + "<option value=\"tatap-muka-balai-kota\" selected>Tatap muka: Pendopo Balai Kota</option>"
                              + "<option value=\"telepon\">Telepon / pusat panggilan</option></select>"))
        #expect(render(values: ["intake_channel": "telepon", "description": "x"]).contains("<option value=\"telepon\" selected>"))
        #expect(render(language: .en).contains("<option value=\"telepon\">Telephone / call centre</option>"))
    }

    @Test func theVisitorChoosesSMSOrWhatsAppWhereTextMessagesAreSent() {
        #expect(!render().contains("contact_channel"))
        let html = DeskPage.render(session: session, categories: choices, channels: channels, language: .id,
                                   formToken: "0123456789abcdef0123456789abcdef", textChannel: .sms)
        #expect(html.contains(#"<option value="sms" selected>SMS</option><option value="whatsapp">WhatsApp</option>"#))
    }

    @Test func showsTheComplaintFormsFieldsAndTheVisitorsContact() {
        let html = render()
        for field in ComplaintFields.order where field != "photos" {
            #expect(html.contains("name=\"\(field)\""), "\(field)")
        }
        #expect(html.contains("<p class=\"hint\" id=\"contact-hint\">\(DeskStrings.visitorContactHint.text(.id))</p>"))
        #expect(html.contains("<h1>Loket pengaduan</h1>") && html.contains("<script src=\"/static/form.js\" defer></script>"))
    }

    @Test func theAreaFieldsSuggestTheKnownNamesAsOnTheCitizensForm() {
        let html = DeskPage.render(session: session, categories: choices, channels: channels, language: .id,
                                   formToken: "0123456789abcdef0123456789abcdef", areas: ComplaintFormPageAreaTests.regions)
        #expect(html.contains("<input id=\"kecamatan\" name=\"kecamatan\" value=\"\" list=\"kecamatan-names\" autocomplete=\"off\">"))
        #expect(html.contains("<datalist id=\"kecamatan-names\"><option value=\"Sukamaju\"><option value=\"Tanjungsari\"></datalist>"))
    }

    @Test func anUnknownChannelIsTheFirstThingToFix() {
        let html = render(values: ["intake_channel": "fax"], errors: ["intake_channel": Refusal.unknownIntakeChannel.message(.id),
                                                                      "description": "Uraian pengaduan wajib diisi."])
        #expect(html.contains("<li><a href=\"#intake_channel\">\(Refusal.unknownIntakeChannel.message(.id))</a></li><li><a href=\"#description\">"))
        #expect(html.contains("aria-describedby=\"intake_channel-hint\" aria-invalid=\"true\" autofocus>"))
        #expect(html.contains("<p class=\"error\" id=\"intake_channel-error\" role=\"alert\">"))
        #expect(html.components(separatedBy: " autofocus").count == 2)
    }

    @Test(arguments: Hostile.all)
    func everyKeptValueAndChannelNameIsEscaped(hostile: Hostile) {
        func page(_ text: String) -> String {
            DeskPage.render(session: session, categories: choices, channels: [IntakeChannel(code: text, nameID: text, nameEN: text)],
                            language: .id, values: ["description": text, "intake_channel": text], errors: ["intake_channel": text],
                            formToken: text)
        }
        let html = page(hostile.raw)
        #expect(Markup.skeleton(html) == Markup.skeleton(page(Hostile.plain)))
        #expect(Markup.contains(html, "<option value=\"\(hostile.escaped)\" selected>\(hostile.escaped)</option>"))
    }
}

struct DeskReceiptPageTests {
    let code = TrackingCode(parsing: Sample.code)!
    let session = Sample.session(Sample.account(role: .staff, module: .intake))

    func render(language: Language = .id, notices: NoticeChannels = .none) -> String {
        let view = TrackingView(trackingCode: code, categoryName: "Kesehatan", status: .received, confidential: true, description: nil,
                                location: nil, area: nil, dueAt: nil, createdAt: Sample.at, updatedAt: Sample.at, events: [])
        let outlook = CaseOutlook(agencyNameID: "Dinas Kesehatan", agencyNameEN: "Health Office", nextStep: .verification,
                                  nextStepDue: Sample.at.addingTimeInterval(3 * 86_400))
        return DeskReceiptPage.render(session: session, view: view, confirmation: CaseConfirmation(outlook, notices: notices),
                                      trackingURL: "https://lapor.example.go.id/track/\(code.value)", language: language)
    }

    @Test func theReceiptShowsTheCodeInLargeTypeAndHowToFollowIt() {
        let html = render()
        #expect(html.contains("<span class=\"code receipt-code\" id=\"tracking-code\" data-code=\"\(code.value)\">\(code.grouped)</span>"))
        #expect(html.contains("<span class=\"url\" id=\"tracking-url\">https://lapor.example.go.id/track/\(code.value)</span>"))
        #expect(html.contains(DeskStrings.followByPhone.text(.id)) && html.contains(DeskStrings.followOnline.text(.id)))
        #expect(html.contains("<dd id=\"agency\">Dinas Kesehatan</dd>") && html.contains("data-step=\"verification\""))
        #expect(html.contains(Strings.toldNowhere.text(.id)))
        #expect(html.contains("<a id=\"next-entry\" href=\"/staff/desk\">"))
    }

    @Test func theReceiptPrintsWithoutTheStaffFrame() {
        let html = render()
        #expect(html.contains("@media print{header,nav,.no-print,button,script{display:none!important}"))
        #expect(html.contains("<p class=\"no-print\"><button type=\"button\" id=\"print\" data-print hidden>Cetak tanda terima</button>"))
    }

    @Test func theReceiptSpeaksEnglishWhenAsked() {
        let html = render(language: .en, notices: NoticeChannels(email: true, text: false))
        #expect(html.contains("<h1>Complaint receipt</h1>") && html.contains("<dd id=\"agency\">Health Office</dd>"))
        #expect(html.contains(Strings.toldByEmail.text(.en)) && html.contains("href=\"/staff/desk?lang=en\""))
    }
}
