import Complaints
import Foundation
import Testing

struct FollowingTests {
    @Test func aFollowNeedsAnAddressAndAPublicCaseInThatOrder() throws {
        #expect(try Following.check(email: "tetangga@example.id", caseConfidential: false) == "tetangga@example.id")
        #expect(throws: Refusal.contactEmailInvalid) { try Following.check(email: "bukan", caseConfidential: nil) }
        #expect(throws: Refusal.contactEmailInvalid) { try Following.check(email: nil, caseConfidential: false) }
        #expect(throws: Refusal.complaintNotFound) { try Following.check(email: "a@example.id", caseConfidential: nil) }
        #expect(throws: Refusal.followConfidential) { try Following.check(email: "a@example.id", caseConfidential: true) }
    }

    @Test func refusalsAreClear4xx() {
        #expect(Refusal.followConfidential.status == 403 && Refusal.alreadyFollowing.status == 409
                && Refusal.followLinkUnknown.status == 404)
    }

    @Test func tokensAreUnguessableAndRecognised() {
        let tokens = (0..<50).map { _ in Following.token() }
        #expect(Set(tokens).count == 50)
        #expect(tokens.allSatisfy(Following.looksLikeToken))
        #expect(!Following.looksLikeToken("bukan-token") && !Following.looksLikeToken(String(repeating: "G", count: 48)))
    }

    @Test func aFollowerHearsOfAPublicCasesChangesAfterItWasFiled() {
        func notice(_ kind: ReporterNotice.Kind, confidential: Bool = false) -> ReporterNotice {
            ReporterNotice(key: "1-x-1-0", complaintID: 1, trackingCode: "7K3M9Q2XRT5VA", notice: kind, status: .resolved, confidential: confidential)
        }
        #expect(Following.tells(notice(.resolved)) && Following.tells(notice(.closed)))
        #expect(!Following.tells(notice(.received)) && !Following.tells(notice(.resolved, confidential: true)))
    }
}
