import Complaints
import HTTP
import ServiceKit
import Testing

/// A refused submission renders as the hub's JSON error (first problem, every problem by field) and as
/// the form's messages by field.
struct SubmissionRefusalTests {
    func body(_ response: HTTPResponse) throws -> JSONValue { try JSONValue.parse(response.body) }

    @Test func problemsAnswer400WithTheFirstAndEveryProblemByField() throws {
        let refusal = SubmissionRefusal(problems: [.categoryRequired, .descriptionRequired])
        let response = refusal.jsonResponse(language: .en)
        #expect(response.status == 400)
        let error = try #require(try body(response)["error"])
        #expect(error["code"] == "category_required" && error["message"] == "Choose a category.")
        #expect(error["fields"] == [
            ["field": "category", "code": "category_required", "message": "Choose a category."],
            ["field": "description", "code": "description_required", "message": "Describe the problem."],
        ])
        #expect(refusal.messages(.id) == ["category": "Pilih kategori pengaduan.", "description": "Uraian pengaduan wajib diisi."])
    }

    @Test func aRefusedPhotoAnswers400UnderPhotos() throws {
        let response = SubmissionRefusal(photos: .problem(.tooLarge)).jsonResponse(language: .id)
        #expect(response.status == 400)
        let error = try #require(try body(response)["error"])
        #expect(error["code"] == "photo_too_large")
        #expect(error["fields"] == [["field": "photos", "code": "photo_too_large", "message": .string(PhotoProblem.tooLarge.message(.id))]])
    }

    @Test func photosBeyondTheDailyAllowanceAnswer429() throws {
        let exceeded = PhotoQuotaExceeded(bytesPerDay: 50 * 1024 * 1024)
        let refusal = SubmissionRefusal(photos: .quotaExceeded(exceeded))
        #expect(refusal.status == 429)
        let error = try #require(try body(refusal.jsonResponse(language: .en))["error"])
        #expect(error["code"] == "photo_quota_exceeded" && error["message"] == .string(exceeded.message(.en)))
        #expect(refusal.messages(.id) == ["photos": exceeded.message(.id)])
    }
}
