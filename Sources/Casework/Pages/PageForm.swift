import Complaints
import Foundation
import HTTP
import HubStore

/// A staff page's form as posted (urlencoded, or multipart when it carries photos): its text fields
/// and its checked photos. Checks the session's CSRF token before anything else.
struct PageForm {
    let fields: [String: String]
    let photos: [Photo]
    /// Set when a photo was refused; the form is still read so the page can come back filled.
    let photoProblem: PhotoProblem?

    /// - Throws: `Refusal.unreadableForm` when the body is not a form the page reads.
    init(_ request: HTTPRequest) throws {
        let (pairs, photoBytes): ([(name: String, value: String)], [[UInt8]])
        do {
            (pairs, photoBytes) = try request.formSubmission(fileField: "photos")
        } catch let error as HTTPError {
            throw Refusal.unreadableForm(error)
        }
        var fields: [String: String] = [:]
        for (name, value) in pairs where fields[name] == nil { fields[name] = value }
        self.fields = fields
        do {
            photos = try PhotoAllowance.photos(photoBytes)
            photoProblem = nil
        } catch let problem as PhotoProblem {
            photos = []
            photoProblem = problem
        }
    }

    /// The fields as the JSON API's body members, so one reader serves both: checkboxes become
    /// booleans, empty optional fields are left out, a date becomes the end of that day in WIB. The
    /// checked photos travel beside it (`photos`).
    var actionBody: JSONObjectReader {
        var body: [String: JSONValue] = [:]
        var moduleFields: [String: JSONValue] = [:]
        for (name, value) in fields where name.hasPrefix("field.") {
            let text = value.trimmingCharacters(in: .whitespaces)
            moduleFields[String(name.dropFirst("field.".count))] = text.isEmpty ? .null : .string(text)
        }
        if !moduleFields.isEmpty { body["fields"] = .object(moduleFields) }
        for (name, value) in fields where name != "csrf" && !value.isEmpty && !name.hasPrefix("field.") {
            switch name {
            case "public", "inspectorate": body[name] = .bool(value == "true")
            case "due_date": body["due_at"] = .string("\(value)T23:59:59+07:00")
            default: body[name] = .string(value)
            }
        }
        return JSONObjectReader(body)
    }
}
