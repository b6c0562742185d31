import Complaints
import Foundation

extension SubmissionRequest {
    /// The HTML form's fields that make a submission.
    public static let formFieldNames = ["category", "subcategory", "description", "location", "kelurahan", "kecamatan", "lat",
                                        "lon", "anonymous", "confidential", "name", "email", "phone", "pole_id",
                                        "contact_channel"]

    /// Reads the HTML form as a browser posts it: a ticked box is true, an absent one false; coordinates
    /// may use a decimal comma; what cannot be read becomes a problem shown beside its field.
    /// - Parameters:
    ///   - fields: the form's text fields in order (the first of a name counts).
    ///   - photos: the bytes of the files sent as photos.
    public init(form fields: [(name: String, value: String)], photos: [[UInt8]]) {
        let values = Self.formValues(fields)
        var problems: [SubmissionProblem] = []
        func coordinate(_ name: String) -> Double? {
            guard let text = values[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let value = Double(text.replacingOccurrences(of: ",", with: ".")) else {
                if !problems.contains(.coordinatesOutOfRange) { problems.append(.coordinatesOutOfRange) }
                return nil
            }
            return value
        }
        let lat = coordinate("lat")
        let lon = coordinate("lon")
        // The text channel alone (the form's preset choice) is no contact.
        var contact = Contact(name: values["name"], email: values["email"], phone: values["phone"])
        if !contact.isEmpty { contact = Contact(name: contact.name, email: contact.email, phone: contact.phone,
                                                textChannel: values["contact_channel"]) }
        let submission = ComplaintSubmission(
            category: values["category"] ?? "", subcategory: values["subcategory"].flatMap { $0.isEmpty ? nil : $0 },
            description: values["description"] ?? "", location: values["location"], kelurahan: values["kelurahan"],
            kecamatan: values["kecamatan"], lat: lat, lon: lon,
            anonymous: values["anonymous"] != nil, confidential: values["confidential"] != nil,
            contact: contact.isEmpty ? nil : contact, channel: .web, poleID: values["pole_id"])
        self.init(submission: submission, problems: problems,
                  idempotencyKey: fields.first { $0.name == "form_token" }?.value)
        // Bytes need no reading, so the only error is a refused photo, which `read` keeps.
        try? read(photos: photos) { $0 }
    }

    /// What was typed, by field, so a refused form comes back filled in.
    public static func formValues(_ fields: [(name: String, value: String)]) -> [String: String] {
        var values: [String: String] = [:]
        for field in fields where formFieldNames.contains(field.name) && values[field.name] == nil {
            values[field.name] = field.value
        }
        return values
    }
}
