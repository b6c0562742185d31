import Complaints
import HTTP
import ServiceKit
import Testing

/// The JSON and the form readers of a submission: each field read, each wrongly typed field refused
/// with 400 invalid_field naming it, and the same complaint giving the same request either way.
struct SubmissionRequestTests {
    func read(_ json: String, key: String? = nil) throws -> SubmissionRequest {
        try SubmissionRequest(json: JSONObjectReader(JSONValue.parse(Array(json.utf8)), field: "body"), channel: .api, idempotencyKey: key)
    }

    func refusal(_ json: String, key: String? = nil) -> (status: Int, code: String, message: String)? {
        do {
            _ = try read(json, key: key)
            return nil
        } catch let error as any HTTPResponseError {
            return (error.status, error.code, error.message(language: "en"))
        } catch {
            return nil
        }
    }

    @Test func readsEveryFieldOfAJSONSubmission() throws {
        let request = try read("""
            {"category": "pekerjaan-umum", "subcategory": "pju", "description": "Lampu mati", "location": "Jl. Merdeka",
             "kelurahan": "Sukamaju", "kecamatan": "Cibeunying", "lat": -6.9, "lon": 107, "anonymous": false,
             "confidential": false, "contact": {"name": "Siti", "email": "siti@example.id", "phone": "0812345678"},
             "pole_id": "pju 12-a"}
            """, key: "kunci-1")
        #expect(request == SubmissionRequest(submission: ComplaintSubmission(
            category: "pekerjaan-umum", subcategory: "pju", description: "Lampu mati", location: "Jl. Merdeka",
            kelurahan: "Sukamaju", kecamatan: "Cibeunying", lat: -6.9, lon: 107, anonymous: false, confidential: false,
            contact: Contact(name: "Siti", email: "siti@example.id", phone: "0812345678"), channel: .api, poleID: "PJU12A"),
            idempotencyKey: "kunci-1"))
    }

    @Test func theContactsTextChannelIsReadFromJSONAndTheForm() throws {
        let json = try read(#"{"category": "kesehatan", "description": "Antre", "contact": {"phone": "0812345678", "channel": "whatsapp"}}"#)
        #expect(json.submission.contact?.textChannel == .whatsapp)
        #expect(refusal(#"{"contact": {"phone": "0812345678", "channel": 1}}"#)?.code == "invalid_field")
        let form = SubmissionRequest(form: [("category", "kesehatan"), ("description", "Antre"), ("phone", "0812345678"),
                                            ("contact_channel", "whatsapp")], photos: [])
        #expect(form.submission.contact?.textChannel == .whatsapp)
        // The form's preset choice alone is no contact.
        let alone = SubmissionRequest(form: [("category", "kesehatan"), ("description", "Antre"), ("contact_channel", "sms")], photos: [])
        #expect(alone.submission.contact == nil)
    }

    @Test func absentAndNullMembersReadAsAPrivateSubmissionWithNothingElse() throws {
        let request = try read(#"{"category": "kesehatan", "description": "Antre", "subcategory": "", "contact": null, "lat": null}"#)
        #expect(request.submission == ComplaintSubmission(category: "kesehatan", description: "Antre", channel: .api))
        #expect(request.submission.anonymous && request.submission.confidential)
        #expect(request.problems.isEmpty && request.photoProblem == nil && request.idempotencyKey == nil)
    }

    @Test(arguments: [
        (#"{"category": 5}"#, "category must be a string"),
        (#"{"subcategory": true}"#, "subcategory must be a string"),
        (#"{"description": ["a"]}"#, "description must be a string"),
        (#"{"location": 1}"#, "location must be a string"),
        (#"{"kelurahan": {}}"#, "kelurahan must be a string"),
        (#"{"kecamatan": 2}"#, "kecamatan must be a string"),
        (#"{"lat": "6.9"}"#, "lat must be a number"),
        (#"{"lon": true}"#, "lon must be a number"),
        (#"{"anonymous": "yes"}"#, "anonymous must be true or false"),
        (#"{"confidential": 1}"#, "confidential must be true or false"),
        (#"{"contact": "siti"}"#, "contact must be an object"),
        (#"{"contact": {"name": 1}}"#, "name must be a string"),
        (#"{"contact": {"email": false}}"#, "email must be a string"),
        (#"{"contact": {"phone": 812}}"#, "phone must be a string"),
        (#"{"pole_id": 12}"#, "pole_id must be a string"),
        (#"{"photos": "abc"}"#, "photos must be a list of base64 strings"),
        (#"{"photos": [1]}"#, "photos must be a list of base64 strings"),
        (#"{"photos": ["not base64!"]}"#, "photos must be base64"),
    ])
    func aWronglyTypedMemberIsRefusedNamingIt(body: String, message: String) {
        let refused = refusal(body)
        #expect(refused?.status == 400 && refused?.code == "invalid_field")
        #expect(refused?.message == message)
    }

    @Test func aBadIdempotencyKeyIsRefusedWith400() {
        for key in ["", "mit spasi", String(repeating: "k", count: 201), "kunci-é"] {
            let refused = refusal(#"{"category": "kesehatan"}"#, key: key)
            #expect(refused?.status == 400 && refused?.code == "invalid_idempotency_key", "\(key)")
        }
        #expect(refusal(#"{"category": "kesehatan"}"#, key: String(repeating: "k", count: 200)) == nil)
    }

    @Test func photosThatAreNoImagesOrTooManyAreKeptAsTheRefusalNotRead() throws {
        #expect(try read(#"{"photos": ["aGFsbw=="]}"#).photoProblem == .notAnImage)
        #expect(try read(#"{"photos": ["a", "b", "c", "d"]}"#).photoProblem == .tooMany)
    }

    @Test func aFormAndAJSONBodyGiveTheSameRequest() throws {
        let json = try read("""
            {"category": "sosial", "subcategory": "pmks", "description": "Lansia terlantar", "location": "Gang Mawar",
             "kelurahan": "Sukamaju", "kecamatan": "Cibeunying", "lat": -6.9, "lon": 107.6, "anonymous": true,
             "confidential": false, "contact": {"name": "Budi", "email": "budi@example.id", "phone": "0812345678"}}
            """, key: "token-1")
        var form = SubmissionRequest(form: [
            ("category", "sosial"), ("subcategory", "pmks"), ("description", "Lansia terlantar"), ("location", "Gang Mawar"),
            ("kelurahan", "Sukamaju"), ("kecamatan", "Cibeunying"), ("lat", "-6,9"), ("lon", "107.6"), ("anonymous", "on"),
            ("name", "Budi"), ("email", "budi@example.id"), ("phone", "0812345678"), ("form_token", "token-1"),
        ], photos: [])
        #expect(form.submission.channel == .web)
        form.submission.channel = .api
        #expect(form == json)
    }

    @Test func aFormReadsUnticketBoxesAsFalseAndKeepsUnreadableCoordinatesAsAProblem() {
        let form = SubmissionRequest(form: [("category", "kesehatan"), ("description", "Antre"), ("lat", "utara"), ("lon", "x"),
                                            ("category", "sosial")], photos: [])
        #expect(form.submission.category == "kesehatan", "the first of a name counts")
        #expect(!form.submission.anonymous && !form.submission.confidential)
        #expect(form.submission.lat == nil && form.submission.lon == nil)
        #expect(form.problems == [.coordinatesOutOfRange])
        #expect(form.submission.contact == nil)
    }

    @Test func aFormKeepsItsPhotosRefusal() {
        let form = SubmissionRequest(form: [("category", "kesehatan")], photos: [[1, 2, 3]])
        #expect(form.photoProblem == .notAnImage && form.submission.photos.isEmpty)
    }
}
