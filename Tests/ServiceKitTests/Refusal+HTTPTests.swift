import Complaints
import HTTP
@testable import ServiceKit
import Testing

struct RefusalHTTPTests {
    let refusal = Refusal(status: 409, code: "case_closed", id: "Kasus sudah ditutup.", en: "The case is closed.")

    @Test func aRefusalRendersAsTheHubsJSONInEnglish() {
        let response = refusal.jsonResponse
        #expect(response.status == 409)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"error":{"code":"case_closed","message":"The case is closed."}}"#)
    }

    @Test func aPageAsksForItsOwnLanguage() {
        #expect(refusal.message(language: "id") == "Kasus sudah ditutup.")
        #expect(refusal.message(language: "en") == "The case is closed.")
    }

    @Test func aGroupRendersAThrownRefusal() throws {
        var router = Router()
        let refusal = self.refusal
        router.group(errors: .json) { api in api.post("/x") { _, _ in throw refusal } }
        let request = HTTPRequest(method: "POST", target: "/x", pathSegments: ["x"], rawQuery: nil)
        #expect(try router.respond(to: request).status == 409)
    }
}

/// A refusal that needs a header carries it through every renderer; the domain words it once.
struct HTTPRefusalTests {
    @Test func aThrottledLoginTellsWhenToComeBack() {
        let refusal = StaffAuthentication.throttled(retryAfter: 42)
        #expect(refusal.status == 429 && refusal.code == "too_many_attempts")
        #expect(refusal.jsonResponse.headers["Retry-After"] == "42")
        #expect(refusal.message(language: "id").contains("42 detik") && refusal.message(language: "en").contains("42 seconds"))
    }

    @Test func withoutASessionTheChallengeIsAnsweredWithTheRefusal() {
        let refusal = StaffAuthentication.unauthenticated
        #expect(refusal.refusal == .unauthenticated)
        #expect(refusal.jsonResponse.headers["WWW-Authenticate"] == "Bearer realm=\"hub\"" && refusal.jsonResponse.status == 401)
    }
}
