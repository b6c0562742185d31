import Complaints
import HTTP
import ServiceKit
import Testing

/// The citizen's answer to a resolution, read from the API's JSON or the tracking page's form.
struct CitizenAnswerTests {
    func read(_ json: String) throws(Refusal) -> CitizenAnswer {
        guard case .object(let members) = try! JSONValue.parse(Array(json.utf8)) else { fatalError("a test body is an object") }
        return try CitizenAnswer(json: JSONObjectReader(members))
    }

    @Test func readsARatingAndAReason() throws {
        #expect(try read(#"{"rating": 2, "reason": "Masih rusak"}"#) == CitizenAnswer(rating: 2, reason: "Masih rusak"))
        #expect(try read(#"{"rating": 5.0, "reason": null}"#) == CitizenAnswer(rating: 5, reason: ""))
        #expect(try read(#"{"rating": 4}"#) == CitizenAnswer(rating: 4, reason: ""))
    }

    @Test(arguments: [#"{}"#, #"{"rating": null}"#, #"{"rating": "5"}"#, #"{"rating": 2.5}"#, #"{"rating": true}"#,
                      #"{"rating": "x", "reason": 5}"#])
    func aRatingThatIsNoWholeNumberIsRefusedWith400InvalidRating(body: String) {
        #expect(throws: Refusal.ratingOutOfScale) { try read(body) }
        #expect(Refusal.ratingOutOfScale.status == 400 && Refusal.ratingOutOfScale.code == "invalid_rating")
    }

    @Test(arguments: [#"{"rating": 2, "reason": 5}"#, #"{"rating": 2, "reason": ["a"]}"#, #"{"rating": 2, "reason": false}"#])
    func aReasonThatIsNotTextIsRefusedWith400InvalidRequest(body: String) {
        #expect(throws: Refusal.answerReasonNotText) { try read(body) }
        #expect(Refusal.answerReasonNotText.status == 400 && Refusal.answerReasonNotText.code == "invalid_request")
        #expect(Refusal.answerReasonNotText.messageEN == "reason must be a string or null")
    }

    @Test func aFormAndAJSONBodyGiveTheSameAnswer() throws {
        #expect(CitizenAnswer(form: [("rating", "1"), ("reason", "Belum diperbaiki")])
            == (try read(#"{"rating": 1, "reason": "Belum diperbaiki"}"#)))
        #expect(CitizenAnswer(form: [("reason", "")]) == CitizenAnswer(rating: nil, reason: ""))
        #expect(CitizenAnswer(form: [("rating", "lima")]).rating == nil)
    }
}
