import Complaints
import Testing
@testable import Web

struct FailurePageTests {
    @Test(arguments: [(429, FailurePage.Kind.tooManyRequests), (502, .unavailable), (503, .unavailable), (504, .unavailable),
                      (500, .serverError), (501, .serverError), (400, .refused), (404, .refused), (413, .refused)])
    func statusesAreToldApart(status: Int, kind: FailurePage.Kind) {
        #expect(FailurePage.Kind(status: status) == kind)
    }

    @Test func aServerErrorShowsTheReferenceToQuote() {
        let html = FailurePage.render(.serverError, language: .id, requestID: "req-42")
        #expect(html.contains("<html lang=\"id\">"))
        #expect(html.contains(Strings.failureServerError.text(.id)))
        #expect(html.contains("<code id=\"request-id\">req-42</code>"))
    }

    @Test func otherFailuresShowNoReference() {
        let html = FailurePage.render(.unavailable, language: .en, requestID: "req-42")
        #expect(html.contains("<html lang=\"en\">") && html.contains(Strings.failureUnavailable.text(.en)))
        #expect(!html.contains("req-42"))
        #expect(html.contains("<a href=\"/?lang=en\">"))
    }

    @Test func theMessageAloneIsInTheReadersLanguage() {
        #expect(FailurePage.message(.tooManyRequests, language: .id) == Strings.failureTooManyRequests.text(.id))
        #expect(FailurePage.message(.refused, language: .en) == Strings.failureRefused.text(.en))
    }

    @Test(arguments: Hostile.all)
    func theRequestIDIsEscaped(hostile: Hostile) {
        let html = FailurePage.render(.serverError, language: .id, requestID: hostile.raw)
        #expect(Markup.skeleton(html) == Markup.skeleton(FailurePage.render(.serverError, language: .id, requestID: Hostile.plain)))
        #expect(Markup.contains(html, "<code id=\"request-id\">\(hostile.escaped)</code>"))
    }
}
