import Complaints
import Foundation
import Testing
@testable import Web

struct ReplyFormTests {
    let code = TrackingCode(parsing: Sample.code)!

    func tracking(_ status: ComplaintStatus) -> TrackingView {
        TrackingView(trackingCode: code, categoryName: "Pekerjaan Umum", status: status, confidential: false, description: nil,
                     location: nil, area: nil, dueAt: Sample.at, createdAt: Sample.at, updatedAt: Sample.at,
                     events: [.init(kind: .questionAsked, at: Sample.at, actorRole: ActorRole(rawValue: "staff"), note: "Dulu?"),
                              .init(kind: .questionAsked, at: Sample.at, actorRole: ActorRole(rawValue: "staff"), note: "Nomor tiang berapa?")])
    }

    @Test func aCaseWaitingForTheReporterShowsTheLatestQuestionAndTheReplyForm() {
        let html = TrackingPage.render(tracking(.awaitingReporter), language: .id)
        #expect(html.contains("<blockquote id=\"question\" class=\"text\">Nomor tiang berapa?</blockquote>"))
        #expect(html.contains("action=\"/track/\(code.value)/replies\" enctype=\"multipart/form-data\""))
        #expect(html.contains("Menunggu jawaban pelapor"))
    }

    @Test func aRefusedAnswerIsListedAtTheTopLinkingToItsFieldWhichHasTheFocus() {
        let refused = TrackingPage.render(tracking(.awaitingReporter), language: .id, reply: ReplyForm(text: " ", errorCode: "reply_required"))
        #expect(refused.contains("<li><a href=\"#reply-text\">Tuliskan jawaban Anda.</a></li>"))
        #expect(refused.range(of: "id=\"error-summary\"")!.lowerBound < refused.range(of: "id=\"reply\"")!.lowerBound)
        #expect(refused.contains("aria-describedby=\"reply-error\" aria-invalid=\"true\" autofocus> </textarea>"))
        #expect(refused.contains("enctype=\"multipart/form-data\" novalidate>"), "the hub's words, not the browser's bubble")
        #expect(refused.contains("<script src=\"\(FormScript.path)\" defer></script>"))
        let photo = TrackingPage.render(tracking(.awaitingReporter), language: .id,
                                        reply: ReplyForm(errorCode: "photo_too_large", errorMessage: "Setiap foto paling besar 5 MB."))
        #expect(photo.contains("<a href=\"#reply-photos\">Setiap foto paling besar 5 MB.</a>"))
        let fresh = TrackingPage.render(tracking(.awaitingReporter), language: .id)
        #expect(!fresh.contains("id=\"error-summary\"") && !fresh.contains("autofocus") && !fresh.contains(FormScript.path))
        // A case that is over has no form to fix: the refusal alone.
        let over = TrackingPage.render(tracking(.closed), language: .id, reply: ReplyForm(text: "x", errorCode: "invalid_transition"))
        #expect(!over.contains("id=\"error-summary\"") && over.contains("id=\"reply-error\""))
    }

    @Test func aRefusedAnswerComesBackWithTheWordsKeptAndWhy() {
        let refused = TrackingPage.render(tracking(.awaitingReporter), language: .en, reply: ReplyForm(text: "<b>", errorCode: "reply_required"))
        #expect(refused.contains("id=\"reply-error\" role=\"alert\">Write your answer.</p>") && refused.contains("&lt;b&gt;</textarea>"))
        let photo = TrackingPage.render(tracking(.awaitingReporter), language: .id,
                                        reply: ReplyForm(errorCode: "photo_too_large", errorMessage: "Setiap foto paling besar 5 MB."))
        #expect(photo.contains("role=\"alert\">Setiap foto paling besar 5 MB.</p>"))
    }

    @Test func noFormWhileTheCaseIsNotWaitingAndThanksOnceAnswered() {
        #expect(!TrackingPage.render(tracking(.inProgress), language: .id).contains("id=\"reply\""))
        #expect(TrackingPage.render(tracking(.inProgress), language: .id, replyRecorded: true).contains("id=\"reply-thanks\""))
    }
}
