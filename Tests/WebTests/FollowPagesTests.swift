import Complaints
import Testing
@testable import Web

struct FollowPagesTests {
    let token = String(repeating: "ab", count: 24)

    @Test func anOpenedLinkShowsAButtonThatPostsToTheLinkItself() {
        let confirm = FollowPages.render(.button(.confirm, token: token), report: 7, language: .id)
        #expect(confirm.contains("<form method=\"post\" action=\"/follow/confirm/\(token)\">"))
        #expect(confirm.contains("<button id=\"follow-confirm\" type=\"submit\">Ya, ikuti pengaduan ini</button>"))
        #expect(!confirm.contains("id=\"follow-status\""), "nothing is done before the button")
        let stop = FollowPages.render(.button(.unsubscribe, token: token), report: 7, language: .en)
        #expect(stop.contains("<form method=\"post\" action=\"/follow/unsubscribe/\(token)?lang=en\">"))
        #expect(stop.contains(">Stop following</button>") && stop.contains("Your email address will be deleted."))
        #expect(stop.contains("href=\"/laporan/7?lang=en\"") && !stop.contains("/track/"), "a follower need not hold the code")
    }

    @Test func aReportsPageFormPostsToTheReportByItsPublicID() {
        #expect(FollowPages.form(report: 42, language: .en).contains("<form method=\"post\" action=\"/laporan/42/followers?lang=en\""))
    }

    @Test func aStepTakenSaysSoWithoutAButton() {
        for step in [FollowPages.Step.confirmed, .stopped] {
            let page = FollowPages.render(step, report: 7, language: .id)
            #expect(page.contains("id=\"follow-status\" role=\"status\"") && !page.contains("<form"))
        }
    }
}
