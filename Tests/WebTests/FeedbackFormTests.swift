import Complaints
import Testing
@testable import Web

struct FeedbackFormTests {
    let code = TrackingCode(parsing: Sample.code)!

    @Test(arguments: [
        ("reason_required", Strings.feedbackReasonRequired), ("low_rating_required", .feedbackLowRatingRequired),
        ("invalid_rating", .feedbackInvalidRating), ("note_too_long", .feedbackReasonTooLong),
        ("invalid_transition", .feedbackNotOpen), ("anything_else", .feedbackNotOpen),
    ])
    func eachRefusalHasTheCitizensWords(code: String, words: Strings) {
        let form = FeedbackForm(errorCode: code)
        #expect(form.errorText(.id) == words.text(.id) && form.errorText(.en) == words.text(.en))
    }

    @Test func noRefusalNoMessage() {
        #expect(FeedbackForm().errorText(.id) == nil)
        let html = FeedbackForm().render(code: code, closesAt: nil, language: .id)
        #expect(!html.contains("feedback-error") && !html.contains("aria-invalid"))
    }

    @Test func aRefusedAnswerComesBackWithTheRatingAndReasonKept() {
        let html = FeedbackForm(rating: 2, reason: "Masih gelap.", errorCode: "reason_required").render(code: code, closesAt: nil, language: .id)
        #expect(html.contains("<input type=\"radio\" name=\"rating\" value=\"2\" checked>"))
        #expect(html.contains("<input type=\"radio\" name=\"rating\" value=\"1\">"))
        #expect(html.contains(">Masih gelap.</textarea>"))
        #expect(html.contains("<fieldset aria-describedby=\"feedback-error\" aria-invalid=\"true\">"))
    }

    @Test func postsToTheCasesFeedbackInThePagesLanguage() {
        #expect(FeedbackForm().render(code: code, closesAt: nil, language: .id).contains("action=\"/track/\(code.value)/feedback\""))
        #expect(FeedbackForm().render(code: code, closesAt: nil, language: .en).contains("action=\"/track/\(code.value)/feedback?lang=en\""))
    }

    @Test func offersFiveRatingsInWords() {
        let html = FeedbackForm().render(code: code, closesAt: nil, language: .en)
        for value in 1...5 { #expect(html.contains("name=\"rating\" value=\"\(value)\">")) }
        #expect(html.contains("1 — not solved at all") && html.contains("5 — very good"))
    }
}
