import Complaints
import Foundation
import Testing
@testable import Web

struct TrackingPageTests {
    let code = TrackingCode(parsing: Sample.code)!

    func view(status: ComplaintStatus = .inProgress, confidential: Bool = false, description: String? = "Lampu jalan mati.",
              location: String? = "Jl. Merdeka 12", area: String? = "Sukamaju, Cibeunying", categoryName: String = "Pekerjaan Umum",
              note: String? = "Petugas sudah ke lokasi.", dueAt: Date? = Sample.at.addingTimeInterval(86_400),
              joined: ComplaintStatus? = nil, photoURLs: [String] = []) -> TrackingView {
        TrackingView(trackingCode: code, categoryName: categoryName, status: status, confidential: confidential,
                     description: description, location: location, area: area, dueAt: dueAt, createdAt: Sample.at,
                     updatedAt: Sample.at, events: [
                        .init(kind: EventKind(rawValue: "submitted"), at: Sample.at, actorRole: ActorRole(rawValue: "citizen"), note: nil),
                        .init(kind: EventKind(rawValue: "claimed"), at: Sample.at, actorRole: ActorRole(rawValue: "staff"), note: note),
                     ], joinedStatus: joined, photoURLs: photoURLs)
    }

    /// Personal data has no way in: the view a tracking page is made from holds these and nothing else
    /// (no reporter, no contact, no assignee, no account).
    @Test func theViewHoldsOnlyPublicFields() {
        let labels = Mirror(reflecting: view()).children.compactMap(\.label)
        #expect(labels == ["trackingCode", "categoryName", "status", "confidential", "description", "location", "area", "dueAt",
                           "createdAt", "updatedAt", "events", "joinedStatus", "photoURLs", "parts"])
        #expect(Mirror(reflecting: TrackingView.Part(agencyName: "BPJS Kesehatan", status: .resolved, dueAt: nil)).children
            .compactMap(\.label) == ["agencyName", "status", "dueAt"], "an agency's part: its public name, status and deadline only")
        let eventLabels = Mirror(reflecting: view().events[0]).children.compactMap(\.label)
        #expect(eventLabels == ["kind", "at", "actorRole", "note"])
    }

    @Test func theFactsShownAreTheseAndNoOthers() {
        let html = TrackingPage.render(view(), language: .en)
        let terms = html.components(separatedBy: "<dt>").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(terms == [Strings.status, .category, .area, .submittedAt, .updatedAt, .dueAt].map { Substring($0.text(.en)) })
        #expect(html.components(separatedBy: "<h2>").dropFirst().map { $0.prefix { $0 != "<" } }
                == [Strings.description, .timeline].map { Substring($0.text(.en)) })
    }

    @Test func showsWhatThePublicMaySeeInIndonesian() {
        let html = TrackingPage.render(view(), language: .id)
        #expect(html.contains("<html lang=\"id\">"))
        #expect(html.contains("<h1>Lacak pengaduan</h1>"))
        #expect(html.contains("<span class=\"code\" id=\"tracking-code\">\(code.grouped)</span>"))
        #expect(html.contains("<dd id=\"status\" data-status=\"in_progress\">Sedang ditindaklanjuti</dd>"))
        #expect(html.contains("<dd>Pekerjaan Umum</dd>") && html.contains("<dd>Sukamaju, Cibeunying</dd>"))
        #expect(html.contains("<dd>1 Jan 2026 07.00 WIB</dd>") && html.contains("<dd>2 Jan 2026 07.00 WIB</dd>"))
        #expect(html.contains("<p class=\"text\">Lampu jalan mati.</p>") && html.contains(": Jl. Merdeka 12</p>"))
        #expect(html.contains("<strong>Pengaduan diterima</strong> — Pelapor, 1 Jan 2026 07.00 WIB"))
        #expect(html.contains("<strong>Mulai ditindaklanjuti</strong> — Petugas, "))
        #expect(html.contains("<span class=\"text\">Petugas sudah ke lokasi.</span>"))
        #expect(html.contains("href=\"/track/\(code.value)?lang=en\""))
    }

    @Test func speaksEnglishWithEn() {
        let html = TrackingPage.render(view(), language: .en)
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("<dd id=\"status\" data-status=\"in_progress\">In progress</dd>"))
        #expect(html.contains("<strong>Complaint received</strong> — Reporter, 1 Jan 2026 07.00 WIB"))
        #expect(html.contains("<strong>Work started</strong> — Agency staff, "))
        #expect(html.contains("href=\"/track/\(code.value)\" lang=\"id\""))
        #expect(!html.contains("Sedang ditindaklanjuti"))
    }

    @Test func aConfidentialComplaintShowsItsStatusButNotItsContent() {
        let html = TrackingPage.render(view(confidential: true), language: .id)
        #expect(!html.contains("Lampu jalan mati.") && !html.contains("Jl. Merdeka 12"))
        #expect(html.contains("<em>\(Strings.hiddenConfidential.text(.id))</em>"))
        #expect(html.contains("data-status=\"in_progress\""))
    }

    @Test func justSubmittedShowsTheCodeToKeepAndItsLink() {
        let html = TrackingPage.render(view(status: .received), language: .en, justSubmitted: true)
        #expect(html.contains("<h1>\(Strings.submittedTitle.text(.en))</h1>"))
        #expect(html.contains("<a id=\"tracking-link\" href=\"/track/\(code.value)?lang=en\">"))
        #expect(html.contains(Strings.keepCode.text(.en)))
    }

    @Test func aJoinedReportShowsTheOtherCasesStatusOnly() {
        let html = TrackingPage.render(view(joined: .verified), language: .id)
        #expect(html.contains("<p id=\"joined\">\(Strings.joinedCase.text(.id)) <strong>Terverifikasi</strong></p>"))
    }

    @Test func photosAreShownWithTheirKind() {
        let html = TrackingPage.render(view(photoURLs: ["/api/v1/complaints/\(code.value)/photos/1",
                                                        "/api/v1/complaints/\(code.value)/resolution-photos/1"]), language: .en)
        #expect(html.contains("<img src=\"/api/v1/complaints/\(code.value)/photos/1\" alt=\"Complaint photo\""))
        #expect(html.contains("<img src=\"/api/v1/complaints/\(code.value)/resolution-photos/1\" alt=\"Photo of the work done\""))
    }

    @Test func aResolvedCaseAsksForTheCitizensRating() {
        let html = TrackingPage.render(view(status: .resolved), language: .id)
        let forms = Markup.postForms(html)
        #expect(forms.count == 1)
        #expect(forms.first?.contains("action=\"/track/\(code.value)/feedback\"") == true)
        #expect(html.contains(Strings.feedbackAutoClose.text(.id) + " 2 Jan 2026 07.00 WIB"))
        #expect(!TrackingPage.render(view(status: .inProgress), language: .id).contains("<form method=\"post\""))
    }

    @Test func aResolvedCaseShowsTheOfficersResolutionBeforeAskingForARating() throws {
        var resolved = view(status: .resolved)
        resolved = TrackingView(trackingCode: code, categoryName: resolved.categoryName, status: .resolved, confidential: false,
                                description: nil, location: nil, area: nil, dueAt: nil, createdAt: Sample.at, updatedAt: Sample.at,
                                events: resolved.events + [.init(kind: .resolved, at: Sample.at, actorRole: ActorRole(rawValue: "staff"),
                                                                 note: "Lampu sudah diganti dengan LED baru.")])
        let html = TrackingPage.render(resolved, language: .id)
        let resolution = try #require(html.range(of: "<section id=\"resolution\"><h2>\(Strings.resolutionTitle.text(.id))</h2>"))
        let rating = try #require(html.range(of: "<section id=\"feedback\">"))
        #expect(resolution.upperBound < rating.lowerBound, "the officer's words come before the question")
        #expect(html.contains("<p class=\"hint\">Petugas, 1 Jan 2026 07.00 WIB</p><p class=\"text\">Lampu sudah diganti dengan LED baru.</p></section>"))
        #expect(!TrackingPage.render(view(status: .inProgress), language: .id).contains("<section id=\"resolution\">"))
    }

    func confirmation(notices: NoticeChannels, step: NextStep? = .verification) -> CaseConfirmation {
        CaseConfirmation(CaseOutlook(agencyNameID: "Dinas Kesehatan", agencyNameEN: "Health Office", nextStep: step,
                                 nextStepDue: Sample.at.addingTimeInterval(3 * 86_400)), notices: notices)
    }

    @Test func theConfirmationNamesTheAgencyTheNextStepWithItsDeadlineAndHowTheCitizenHears() {
        let html = TrackingPage.render(view(status: .received), language: .id, justSubmitted: true,
                                       confirmation: confirmation(notices: NoticeChannels(email: true, text: true)))
        #expect(html.contains("<dt>Instansi yang menangani</dt><dd id=\"agency\">Dinas Kesehatan</dd>"))
        #expect(html.contains("<dd id=\"next-step\" data-step=\"verification\">\(Strings.nextVerification.text(.id)) 4 Jan 2026 07.00 WIB</dd>"))
        #expect(html.contains("<dd id=\"how-told\">\(Strings.toldByEmailAndText.text(.id))</dd>"))
        let en = TrackingPage.render(view(status: .received), language: .en, justSubmitted: true,
                                     confirmation: confirmation(notices: NoticeChannels(email: false, text: true)))
        #expect(en.contains("<dd id=\"agency\">Health Office</dd>") && en.contains(Strings.toldByText.text(.en)))
    }

    @Test func withoutANotificationChannelTheCitizenIsToldToCheckTheTrackingPage() {
        let html = TrackingPage.render(view(status: .received), language: .id, justSubmitted: true, confirmation: confirmation(notices: .none))
        #expect(html.contains("<dd id=\"how-told\">\(Strings.toldNowhere.text(.id))</dd>"))
        for promise in [Strings.toldByEmail, .toldByText, .toldByEmailAndText] { #expect(!html.contains(promise.text(.id))) }
    }

    @Test func theConfirmationIsShownOnlyRightAfterSubmitting() {
        let html = TrackingPage.render(view(status: .received), language: .id, confirmation: confirmation(notices: .none))
        #expect(!html.contains("id=\"confirmation\""))
    }

    @Test func aRefusedAnswerToAClosedCaseIsSaidWithoutTheForm() {
        let html = TrackingPage.render(view(status: .closed), language: .en, feedback: FeedbackForm(rating: 2, errorCode: "invalid_transition"))
        #expect(html.contains("<p class=\"error\" id=\"feedback-error\" role=\"alert\">\(Strings.feedbackNotOpen.text(.en))</p>"))
        #expect(Markup.postForms(html).isEmpty)
    }

    @Test func aRecordedAnswerIsThanked() {
        let html = TrackingPage.render(view(status: .closed), language: .id, feedbackRecorded: true)
        #expect(html.contains("<p id=\"feedback-thanks\" role=\"status\">\(Strings.feedbackThanks.text(.id))</p>"))
    }

    @Test(arguments: Hostile.all)
    func everyTextIsEscaped(hostile: Hostile) {
        func render(_ text: String) -> String {
            TrackingPage.render(view(status: .resolved, description: text, location: text, area: text, categoryName: text, note: text,
                                     photoURLs: ["/x?\(text)"]),
                                language: .id, feedback: FeedbackForm(rating: 1, reason: text, errorCode: "reason_required"))
        }
        let html = render(hostile.raw)
        #expect(Markup.skeleton(html) == Markup.skeleton(render(Hostile.plain)))
        #expect(Markup.contains(html, "<p class=\"text\">\(hostile.escaped)</p>"))
        #expect(Markup.contains(html, "<dd>\(hostile.escaped)</dd>"))
        #expect(Markup.contains(html, "<span class=\"text\">\(hostile.escaped)</span>"))
        #expect(Markup.contains(html, ">\(hostile.escaped)</textarea>"))
        #expect(Markup.contains(html, "src=\"/x?\(hostile.escaped)\""))
    }

    @Test func anUnknownCodeShowsTheSamePageForEveryCode() {
        let id = TrackingPage.notFound(language: .id), en = TrackingPage.notFound(language: .en)
        #expect(id.contains("<h1>\(Strings.notFoundTitle.text(.id))</h1>") && id.contains("<a href=\"/\">"))
        #expect(en.contains("<h1>\(Strings.notFoundTitle.text(.en))</h1>") && en.contains("<a href=\"/?lang=en\">"))
    }
    @Test func aPublicCaseOffersFollowingWhereMailIsSentAndAConfidentialOneNever() {
        #expect(!TrackingPage.render(view(), language: .id).contains(#"id="follow""#))
        let html = TrackingPage.render(view(), language: .id, following: true)
        #expect(html.contains(#"<form method="post" action="/track/\#(Sample.code)/followers" novalidate>"#))
        #expect(html.contains(#"name="email" type="email""#))
        #expect(!TrackingPage.render(view(confidential: true), language: .id, following: true).contains(#"id="follow""#))
    }

    @Test func anUnknownCodeLinksToTheLostCodePage() {
        #expect(TrackingPage.notFound(language: .id).contains(#"href="/codes/resend">Lupa kode?</a>"#))
    }
}

struct EventTextTests {
    @Test(arguments: [
        ("staff", "Petugas", "Agency staff"), ("inspector", "Inspektur", "Inspector"), ("citizen", "Pelapor", "Reporter"),
        ("system", "Sistem", "System"), ("someone-else", "Sistem", "System"),
    ])
    func rolesAreNamedNeverPeople(role: String, id: String, en: String) {
        #expect(EventText.role(ActorRole(rawValue: role), .id) == id && EventText.role(ActorRole(rawValue: role), .en) == en)
    }

    @Test func anUnknownEventKindIsShownAsItIs() {
        #expect(EventText.label(EventKind(rawValue: "something_new"), .id) == "something_new")
        #expect(EventText.label(EventKind(rawValue: "resolved"), .id) == "Selesai ditindaklanjuti" && EventText.label(EventKind(rawValue: "resolved"), .en) == "Resolved")
    }
}

struct DateTextTests {
    @Test func datesAreShownInWesternIndonesianTime() {
        let evening = Date(timeIntervalSince1970: 1_767_225_600 + 16 * 3600 + 5 * 60)  // 1 Jan 2026 16.05 UTC
        #expect(DateText.local(evening, .id) == "1 Jan 2026 23.05 WIB")
        #expect(DateText.local(evening.addingTimeInterval(3600), .id) == "2 Jan 2026 00.05 WIB")
        #expect(DateText.local(Date(timeIntervalSince1970: 1_786_000_000), .id).contains("Agu"))
        #expect(DateText.local(Date(timeIntervalSince1970: 1_786_000_000), .en).contains("Aug"))
    }
}
