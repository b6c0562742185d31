import Complaints
import Foundation

/// A `POST requests` form read into a submission, or every reason it is refused.
struct Open311Submission: Sendable {
    let submission: ComplaintSubmission
    /// What the client sent that has no column of its own (address_id), kept internally.
    let details: [String: String]
}

/// Reads the urlencoded fields of `POST requests`: the spec's location rule (lat and long, or
/// address_string, or address_id), the attribute answers, the reporter's contact, and our two
/// privacy extensions. An Open311 client publishes: a request is public (its description and place
/// can be read back) unless the client sends `confidential=true` or `attribute[confidential]=true`;
/// the reporter stays anonymous unless it sends `anonymous=false`.
/// device_id, account_id and media_url are accepted and ignored.
enum Open311SubmissionForm {
    /// The first value of a plain (non-attribute) field.
    static func first(_ name: String, in fields: [(name: String, value: String)]) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// - Throws: `Open311Error` 400 listing every problem found.
    static func parse(_ fields: [(name: String, value: String)], service: Open311Service) throws -> Open311Submission {
        var problems: [String] = []
        func text(_ name: String) -> String? {
            guard let value = first(name, in: fields)?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                return nil
            }
            return value
        }
        func coordinate(_ name: String) -> Double? {
            guard let value = text(name) else { return nil }
            guard let number = Double(value), number.isFinite else {
                problems.append("\(name) must be a decimal number (WGS84)")
                return nil
            }
            return number
        }
        func flag(_ name: String, value: String?, default unsent: Bool) -> Bool {
            guard let value = value?.lowercased() else { return unsent }
            switch value {
            case "true", "1": return true
            case "false", "0": return false
            default:
                problems.append("\(name) must be true or false")
                return true
            }
        }

        let lat = coordinate("lat")
        let lon = coordinate("long")
        let addressString = text("address_string")
        let addressID = text("address_id")
        if (lat == nil || lon == nil) && addressString == nil && addressID == nil && problems.isEmpty {
            problems.append("a location is required: lat and long, address_string or address_id")
        }
        let answers = attributeAnswers(fields, service: service, problems: &problems)
        // Confidential when either the extension or the attribute says so.
        let confidential = flag("confidential", value: text("confidential"), default: false)
            || flag("attribute[\(Open311Attribute.confidential)]", value: answers[Open311Attribute.confidential], default: false)
        let pole = answers[Open311Attribute.poleID]
        // address_id has no column of its own; without an address_string, staff read it in the location.
        let location = addressString ?? addressID.map { "ID alamat \($0)" }
        let name = [text("first_name"), text("last_name")].compactMap { $0 }.joined(separator: " ")
        let contact = Contact(name: name.isEmpty ? nil : name, email: text("email"), phone: text("phone"))
        let submission = ComplaintSubmission(
            category: service.code, subcategory: answers["subcategory"], description: first("description", in: fields) ?? "",
            location: location, kelurahan: answers["kelurahan"], kecamatan: answers["kecamatan"],
            lat: lat, lon: lon, anonymous: flag("anonymous", value: text("anonymous"), default: true), confidential: confidential,
            contact: contact.isEmpty ? nil : contact, channel: .open311, poleID: pole)
        let known = [service.code: Set(service.category.subcategories.map(\.code))]
        problems += submission.problems(knownCategories: known).compactMap(message)
        guard problems.isEmpty else { throw Open311Error(400, problems) }

        return Open311Submission(submission: submission, details: addressID.map { ["address_id": $0] } ?? [:])
    }

    /// Reads `attribute[code]=value` fields against the service's definition.
    /// - Returns: the non-empty answers by attribute code.
    static func attributeAnswers(_ fields: [(name: String, value: String)], service: Open311Service,
                                 problems: inout [String]) -> [String: String] {
        let definitions = service.attributes
        var answers: [String: String] = [:]
        for field in fields where field.name.hasPrefix("attribute[") {
            let inner = field.name.dropFirst("attribute[".count)
            guard let close = inner.firstIndex(of: "]") else {
                problems.append("\(field.name) is not of the form attribute[code]")
                continue
            }
            let code = String(inner[..<close])
            let rest = inner[inner.index(after: close)...]
            guard let definition = definitions.first(where: { $0.code == code }) else {
                problems.append("attribute[\(code)] is not an attribute of service \(service.code)")
                continue
            }
            guard rest.isEmpty || (rest == "[]" && definition.datatype == .multivaluelist) else {
                problems.append("attribute[\(code)] takes a single value")
                continue
            }
            guard answers[code] == nil else {
                problems.append("attribute[\(code)] was given more than once")
                continue
            }
            let answer = field.value.trimmingCharacters(in: .whitespacesAndNewlines)
            if let problem = definition.problem(with: answer) {
                problems.append(problem)
            } else if !answer.isEmpty {
                answers[code] = answer
            }
        }
        for definition in definitions where definition.required && answers[definition.code] == nil {
            if !problems.contains(where: { $0.hasPrefix("attribute[\(definition.code)]") }) {
                problems.append("attribute[\(definition.code)] is required")
            }
        }
        return answers
    }

    /// The domain's refusal in Open311's terms (its field names, English for API clients).
    static func message(_ problem: SubmissionProblem) -> String? {
        switch problem {
        case .categoryRequired, .unknownCategory: return nil  // answered before parsing, as 400/404
        case .unknownSubcategory: return "attribute[subcategory] is not a subcategory of this service"
        case .descriptionRequired: return "description is required"
        case .descriptionTooLong:
            return "description may be at most \(ComplaintSubmission.maxDescriptionLength) characters"
        case .coordinatesIncomplete: return "lat and long must be given together"
        case .coordinatesOutOfRange: return "lat must be within -90..90 and long within -180..180"
        case .locationTooLong:
            return "address_string may be at most 500 characters, kelurahan and kecamatan 100, pole_id 40"
        case .invalidEmail: return "email is not a valid email address"
        case .invalidPhone: return "phone is not a valid phone number"
        case .nameTooLong: return "first_name and last_name together may be at most 200 characters"
        case .tooManyPhotos: return "at most 3 photos"
        case .invalidContactChannel: return nil  // Open311 names no text channel
        }
    }
}
