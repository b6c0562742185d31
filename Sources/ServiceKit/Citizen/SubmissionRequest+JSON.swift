import Complaints
import Foundation
import HTTP

extension SubmissionRequest {
    /// Reads a JSON submission strictly: a member of the wrong type is refused, never guessed at.
    /// Absent flags mean private (anonymous and confidential).
    /// - Parameter idempotencyKey: the request's `Idempotency-Key` header.
    /// - Throws: `JSONFieldError` (400 `invalid_field`) naming the member; `Refusal.invalidIdempotencyKey`.
    public init(json body: JSONObjectReader, channel: Channel, idempotencyKey: String?) throws {
        if let idempotencyKey, !IdempotencyKeyRule.admits(idempotencyKey) { throw Refusal.invalidIdempotencyKey }
        var contact: Contact?
        if let object = try body.object("contact") {
            contact = Contact(name: try object.string("name"), email: try object.string("email"), phone: try object.string("phone"),
                              textChannel: try object.string("channel"))
        }
        let photos = try Self.photoTexts(body)
        self.init(submission: ComplaintSubmission(category: "", description: "", channel: channel), idempotencyKey: idempotencyKey)
        try read(photos: photos) { text in
            guard let data = Data(base64Encoded: text) else { throw JSONFieldError(field: "photos", expected: "base64") }
            return [UInt8](data)
        }
        // A refused photo is the answer, whatever else the body holds.
        if photoProblem != nil { return }
        submission = ComplaintSubmission(
            category: try body.string("category") ?? "", subcategory: try body.string("subcategory").flatMap { $0.isEmpty ? nil : $0 },
            description: try body.string("description") ?? "", location: try body.string("location"),
            kelurahan: try body.string("kelurahan"), kecamatan: try body.string("kecamatan"),
            lat: try body.number("lat"), lon: try body.number("lon"),
            anonymous: try body.bool("anonymous") ?? true, confidential: try body.bool("confidential") ?? true,
            contact: contact, channel: channel, poleID: try body.string("pole_id"), photos: submission.photos)
    }

    /// The photos as base64 texts.
    private static func photoTexts(_ body: JSONObjectReader) throws(JSONFieldError) -> [String] {
        do {
            return try body.strings("photos") ?? []
        } catch {
            throw JSONFieldError(field: "photos", expected: "a list of base64 strings")
        }
    }
}
