import Complaints
import Testing
@testable import Web

struct ComplaintFormPageTests {
    let choices = Sample.categories.map { CategoryChoice($0, language: .id) }
    let fields = ["description", "location", "pole_id", "kelurahan", "kecamatan", "lat", "lon", "name", "email", "phone"]

    func render(values: [String: String] = [:], errors: [String: String] = [:], language: Language = .id,
                token: String = "0123456789abcdef0123456789abcdef") -> String {
        ComplaintFormPage.render(categories: language == .id ? choices : Sample.categories.map { CategoryChoice($0, language: .en) },
                                 language: language, values: values, errors: errors, formToken: token)
    }

    @Test func speaksIndonesianByDefault() {
        let html = render()
        #expect(html.contains("<html lang=\"id\">"))
        #expect(html.contains("<h1>Sampaikan pengaduan</h1>"))
        #expect(html.contains("action=\"/complaints\""))
        #expect(html.contains("<option value=\"pekerjaan-umum\">Pekerjaan Umum</option>"))
        #expect(html.contains("<input type=\"hidden\" name=\"lang\" value=\"id\">"))
        #expect(html.contains("href=\"/?lang=en\" lang=\"en\">English</a>"))
    }

    @Test func speaksEnglishWhenAsked() {
        let html = render(language: .en)
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("<h1>File a complaint</h1>"))
        #expect(html.contains("action=\"/complaints?lang=en\""))
        #expect(html.contains("<option value=\"pekerjaan-umum\">Public works</option>"))
        #expect(html.contains("<input type=\"hidden\" name=\"lang\" value=\"en\">"))
        #expect(html.contains("href=\"/\" lang=\"id\">Bahasa Indonesia</a>"))
        #expect(!html.contains("Sampaikan pengaduan"))
    }

    @Test func loadsTheLocationScriptFromItsOwnPath() {
        #expect(render().contains("<script src=\"\(FormScript.path)\" defer></script>"))
    }

    @Test func theSubmitFormCarriesItsOneTimeToken() {
        let forms = Markup.postForms(render(token: "0123456789abcdef0123456789abcdef"))
        #expect(forms.count == 1)
        #expect(forms.allSatisfy { $0.contains("<input type=\"hidden\" name=\"form_token\" value=\"0123456789abcdef0123456789abcdef\">") })
    }

    @Test func aFreshFormIsPrivateByDefault() {
        let html = render()
        #expect(html.contains("name=\"anonymous\" value=\"1\" checked"))
        #expect(html.contains("name=\"confidential\" value=\"1\" checked"))
    }

    @Test func aFormSentBackKeepsThePrivacyChoices() {
        let html = render(values: ["description": "x", "confidential": "1"], errors: ["category": "Pilih kategori."])
        #expect(!html.contains("name=\"anonymous\" value=\"1\" checked"))
        #expect(html.contains("name=\"confidential\" value=\"1\" checked"))
    }

    @Test func aFormSentBackKeepsTheChosenCategoryAndSubcategory() {
        let html = render(values: ["category": "pekerjaan-umum", "subcategory": "pju"])
        #expect(html.contains("<option value=\"pekerjaan-umum\" selected>"))
        #expect(html.contains("<option value=\"pju\" selected>"))
    }

    @Test func errorsStandBesideTheirFieldsAndMarkThemInvalid() {
        let html = render(values: ["description": ""], errors: ["description": "Uraian wajib diisi."])
        #expect(html.contains("<p class=\"error\" role=\"alert\">Periksa kembali isian yang ditandai.</p>"))
        #expect(html.contains("<p class=\"error\" id=\"description-error\" role=\"alert\">Uraian wajib diisi.</p>"))
        #expect(html.contains("aria-describedby=\"description-hint description-error\" aria-invalid=\"true\""))
        #expect(html.contains(Strings.photosAgain.text(.id)), "attachments are not kept by browsers")
    }

    @Test(arguments: Hostile.all)
    func everyKeptValueIsEscaped(hostile: Hostile) {
        let plain = render(values: Dictionary(uniqueKeysWithValues: fields.map { ($0, Hostile.plain) }))
        let html = render(values: Dictionary(uniqueKeysWithValues: fields.map { ($0, hostile.raw) }))
        #expect(Markup.skeleton(html) == Markup.skeleton(plain))
        #expect(!Markup.contains(html, hostile.raw) || hostile.raw == hostile.escaped)
        for field in fields {
            let kept = field == "description" ? ">\(hostile.escaped)</textarea>" : "name=\"\(field)\""
            #expect(Markup.contains(html, kept), "\(field)")
        }
        #expect(Markup.contains(html, "value=\"\(hostile.escaped)\""))
    }

    @Test(arguments: Hostile.all)
    func errorMessagesCategoryNamesAndTheTokenAreEscaped(hostile: Hostile) {
        let category = CategoryChoice(code: hostile.raw, name: hostile.raw, subcategories: [(hostile.raw, hostile.raw)])
        let plainCategory = CategoryChoice(code: Hostile.plain, name: Hostile.plain, subcategories: [(Hostile.plain, Hostile.plain)])
        let html = ComplaintFormPage.render(categories: [category], language: .id, values: ["category": hostile.raw],
                                            errors: ["location": hostile.raw], formToken: hostile.raw)
        let plain = ComplaintFormPage.render(categories: [plainCategory], language: .id, values: ["category": Hostile.plain],
                                             errors: ["location": Hostile.plain], formToken: Hostile.plain)
        #expect(Markup.skeleton(html) == Markup.skeleton(plain))
        #expect(Markup.contains(html, "<optgroup label=\"\(hostile.escaped)\" data-category=\"\(hostile.escaped)\">"))
        #expect(Markup.contains(html, "id=\"location-error\" role=\"alert\">\(hostile.escaped)</p>"))
    }

    @Test func aRefusedFormListsWhatToFixAtTheTopAndFocusesTheFirstField() throws {
        let html = render(values: ["description": "", "email": "x"],
                          errors: ["email": "Alamat email tidak valid.", "description": "Uraian pengaduan wajib diisi."])
        let summary = try #require(html.range(of: "<div id=\"error-summary\""))
        let form = try #require(html.range(of: "<form method=\"post\""))
        #expect(summary.lowerBound < form.lowerBound, "the list stands above the form")
        #expect(html.contains("<li><a href=\"#description\">Uraian pengaduan wajib diisi.</a></li><li><a href=\"#email\">Alamat email tidak valid.</a></li>"))
        #expect(html.contains("aria-describedby=\"description-hint description-error\" aria-invalid=\"true\" autofocus>"))
        #expect(html.components(separatedBy: " autofocus").count == 2, "one field takes the focus")
        for field in ["description", "email"] { #expect(html.contains("id=\"\(field)\" name=\"\(field)\"")) }
    }

    @Test func aFreshFormHasNoSummaryAndTakesNoFocus() {
        let html = render()
        #expect(!html.contains("error-summary\"") && !html.contains(" autofocus"))
    }

    @Test func everySubcategoryIsOfferedGroupedByItsCategory() {
        let html = render()
        for category in Sample.categories {
            #expect(html.contains("<optgroup label=\"\(category.nameID)\" data-category=\"\(category.code)\">"))
            for sub in category.subcategories { #expect(html.contains("<option value=\"\(sub.code)\">\(sub.nameID)</option>")) }
        }
    }

    @Test func thePoleFieldNamesTheStreetlightSubcategoriesItBelongsTo() {
        let streetlights = Sample.categories.flatMap(\.subcategories).map(\.code).filter(Subcategory.isStreetlight)
        #expect(!streetlights.isEmpty)
        #expect(render().contains("<div id=\"pole-field\" data-subcategories=\"\(streetlights.joined(separator: " "))\">"))
    }

    @Test func photosCarryTheSizeLimitTheScriptScalesThemTo() {
        #expect(render().contains("data-max-bytes=\"\(PhotoFormat.maxBytes)\""))
    }
}

struct ComplaintFormPageNoticeTests {
    func render(_ notices: NoticeChannels, language: Language = .id) -> String {
        ComplaintFormPage.render(categories: [], language: language, formToken: "0123456789abcdef0123456789abcdef", notices: notices)
    }

    @Test func withoutAWayToTellReportersTheFormPromisesNoUpdates() {
        let html = render(.none)
        #expect(html.contains("Kabar perkembangan tidak dikirimkan: pantau pengaduan Anda dengan kode pelacakan."))
        #expect(!html.contains("Untuk mengabari Anda") && !html.contains("tetap mengabari"))
    }

    @Test func theTextChannelChoiceIsOfferedOnlyWhereTextMessagesAreSentWithTheDefaultChosen() {
        #expect(!render(NoticeChannels(email: true, text: false)).contains("contact_channel"))
        var whatsapp = NoticeChannels(email: false, text: true)
        whatsapp.textChannel = .whatsapp
        let html = render(whatsapp)
        #expect(html.contains(#"<select id="contact_channel" name="contact_channel""#))
        #expect(html.contains(#"<option value="whatsapp" selected>WhatsApp</option>"#) && html.contains(#"<option value="sms">SMS</option>"#))
    }

    @Test func theTrackingLookupLinksToTheLostCodePage() {
        #expect(render(NoticeChannels.none).contains(#"<a id="lost-code" href="/codes/resend">Lupa kode?</a>"#))
        #expect(render(NoticeChannels.none, language: .en).contains(#"href="/codes/resend?lang=en">Lost your code?</a>"#))
    }

    @Test func withEmailOrTextTheFormSaysTheHubTellsEvenAnAnonymousReporter() {
        let html = render(NoticeChannels(email: true, text: false))
        #expect(html.contains("<p class=\"hint\" id=\"anonymous-hint\">Petugas tidak akan melihat siapa Anda maupun kontak Anda. "
                              + "Hub sendiri tetap mengabari Anda lewat kontak yang Anda tinggalkan.</p>"))
        #expect(html.contains("Untuk mengabari Anda setiap ada perkembangan."))
        let english = render(NoticeChannels(email: false, text: true), language: .en)
        #expect(english.contains("The hub itself still tells you of every step on the contact you leave."))
    }
}
