import Complaints
import Foundation

/// Reads the HTML form's fields into a submission, keeping what was typed so a refused form comes
/// back filled in.
enum SubmissionForm {
    static let fieldNames = ["category", "subcategory", "description", "location", "kelurahan", "kecamatan", "lat", "lon",
                             "anonymous", "confidential", "name", "email", "phone", "pole_id"]

    /// - Returns: the submission, the typed values by field, and problems found while reading numbers.
    static func parse(_ fields: [(name: String, value: String)]) -> (ComplaintSubmission, [String: String], [SubmissionProblem]) {
        var values: [String: String] = [:]
        for field in fields where fieldNames.contains(field.name) && values[field.name] == nil {
            values[field.name] = field.value
        }
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
        let contact = Contact(name: values["name"], email: values["email"], phone: values["phone"])
        let submission = ComplaintSubmission(
            category: values["category"] ?? "", subcategory: values["subcategory"].flatMap { $0.isEmpty ? nil : $0 },
            description: values["description"] ?? "", location: values["location"], kelurahan: values["kelurahan"],
            kecamatan: values["kecamatan"], lat: lat, lon: lon,
            anonymous: values["anonymous"] != nil, confidential: values["confidential"] != nil,
            contact: contact.isEmpty ? nil : contact, channel: .web, poleID: values["pole_id"])
        return (submission, values, problems)
    }
}
