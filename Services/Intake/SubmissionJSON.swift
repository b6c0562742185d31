import Complaints
import Foundation
import HTTP

/// Reads a JSON submission strictly: wrong types are refused, not guessed at.
enum SubmissionJSON {
    /// - Throws: `HTTPError` 400 `invalid_field` naming the field whose type is wrong.
    static func parse(_ body: [String: Any], channel: Channel) throws -> ComplaintSubmission {
        func string(_ key: String, in object: [String: Any] = body) throws -> String? {
            guard let value = object[key], !(value is NSNull) else { return nil }
            guard let text = value as? String else { throw invalid(key, "must be a string") }
            return text
        }
        func number(_ key: String) throws -> Double? {
            guard let value = body[key], !(value is NSNull) else { return nil }
            guard let number = JSONField.number(value) else { throw invalid(key, "must be a number") }
            return number
        }
        func flag(_ key: String, default fallback: Bool) throws -> Bool {
            guard let value = body[key], !(value is NSNull) else { return fallback }
            guard let flag = JSONField.bool(value) else { throw invalid(key, "must be true or false") }
            return flag
        }
        var contact: Contact?
        if let value = body["contact"], !(value is NSNull) {
            guard let object = value as? [String: Any] else { throw invalid("contact", "must be an object") }
            contact = Contact(name: try string("name", in: object), email: try string("email", in: object),
                              phone: try string("phone", in: object))
        }
        var photos: [Photo] = []
        if let value = body["photos"], !(value is NSNull) {
            guard let list = value as? [String] else {
                throw invalid("photos", "must be a list of base64 strings")
            }
            photos = try PhotoAllowance.photos(list) { item in
                guard let data = Data(base64Encoded: item) else { throw invalid("photos", "must be base64") }
                return [UInt8](data)
            }
        }
        return ComplaintSubmission(
            category: try string("category") ?? "", subcategory: try string("subcategory").flatMap { $0.isEmpty ? nil : $0 },
            description: try string("description") ?? "", location: try string("location"),
            kelurahan: try string("kelurahan"), kecamatan: try string("kecamatan"),
            lat: try number("lat"), lon: try number("lon"),
            anonymous: try flag("anonymous", default: true), confidential: try flag("confidential", default: true),
            contact: contact, channel: channel, poleID: try string("pole_id"), photos: photos)
    }

    private static func invalid(_ field: String, _ why: String) -> HTTPError {
        HTTPError(400, "invalid_field", "\(field) \(why)")
    }
}
