import Complaints
import HTTP
import ServiceKit
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
