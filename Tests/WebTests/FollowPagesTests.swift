import Complaints
import Testing
@testable import Web

struct FollowPagesTests {
    let token = String(repeating: "ab", count: 24)

    @Test func anOpenedLinkShowsAButtonThatPostsToTheLinkItself() {
        let confirm = FollowPages.render(.button(.confirm, token: token), code: Sample.code, language: .id)
        #expect(confirm.contains("<form method=\"post\" action=\"/follow/confirm/\(token)\">"))
        #expect(confirm.contains("<button id=\"follow-confirm\" type=\"submit\">Ya, ikuti pengaduan ini</button>"))
        #expect(!confirm.contains("id=\"follow-status\""), "nothing is done before the button")
        let stop = FollowPages.render(.button(.unsubscribe, token: token), code: Sample.code, language: .en)
        #expect(stop.contains("<form method=\"post\" action=\"/follow/unsubscribe/\(token)?lang=en\">"))
        #expect(stop.contains(">Stop following</button>") && stop.contains("Your email address will be deleted."))
        #expect(stop.contains("href=\"/track/\(Sample.code)?lang=en\""))
    }

    @Test func aStepTakenSaysSoWithoutAButton() {
        for step in [FollowPages.Step.confirmed, .stopped] {
            let page = FollowPages.render(step, code: Sample.code, language: .id)
            #expect(page.contains("id=\"follow-status\" role=\"status\"") && !page.contains("<form"))
        }
    }
}
