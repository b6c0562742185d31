import Complaints

/// A letter type's fields on the admin page: a table with a row of controls per field and
/// `blankRows` empty rows to add fields. A row left blank is no field, so clearing a row's key and
/// labels removes it. The controls are named `fields.ROW.MEMBER`, the members of the JSON API's fields.
public enum AdminLetterFieldRows {
    public static let blankRows = 2
    /// The most rows a posted form is read for.
    public static let maximumRows = LetterField.maximumCount + blankRows

    /// The name of one control of a row.
    public static func name(_ row: Int, _ member: String) -> String { "fields.\(row).\(member)" }

    /// The rows of stored fields (`ReferenceValue.list` of objects), each member as text.
    static func rows(_ stored: ReferenceValue) -> [[String: String]] {
        guard case .list(let items) = stored else { return [] }
        return items.map { item in
            guard case .object(let members) = item else { return [:] }
            return members.mapValues(\.description)
        }
    }

    /// The rows as they were typed in a form that came back refused.
    static func rows(typed values: [String: String]) -> [[String: String]] {
        (0..<maximumRows).map { row in
            Dictionary(uniqueKeysWithValues: members.compactMap { member in values[name(row, member)].map { (member, $0) } })
        }.filter { row in ["key", "label_id", "label_en", "choices"].contains { !(row[$0] ?? "").isEmpty } }
    }

    private static let members = ["key", "label_id", "label_en", "type", "required", "max_length", "min", "max", "choices"]

    /// The table, its rows' control ids starting with `prefix`.
    static func render(_ rows: [[String: String]], prefix: String, language: Language) -> String {
        func label(_ member: String) -> String { HTML.escape(AdminStrings.letterFieldLabel(member, language)) }
        var html = "<fieldset class=\"letter-fields\" id=\"\(prefix)-fields\"><legend>\(label("fields"))</legend>"
        html += "<p class=\"hint\">\(HTML.escape(AdminStrings.letterFieldsHint.text(language)))</p><table><thead><tr>"
        for member in members { html += "<th scope=\"col\">\(label(member))</th>" }
        html += "</tr></thead><tbody>"
        for (row, values) in (rows + Array(repeating: [:], count: blankRows)).enumerated() {
            html += "<tr>"
            for member in members {
                let id = "\(prefix)-fields-\(row)-\(member)", value = HTML.escape(values[member] ?? "")
                let named = "id=\"\(id)\" name=\"\(name(row, member))\" aria-label=\"\(label("field")) \(row + 1): \(label(member))\""
                switch member {
                case "type":
                    html += "<td><select \(named)>"
                    for kind in LetterField.Kind.allCases {
                        html += "<option value=\"\(kind.rawValue)\"\((values[member] ?? "text") == kind.rawValue ? " selected" : "")>\(kind.rawValue)</option>"
                    }
                    html += "</select></td>"
                case "required":
                    html += "<td><input type=\"checkbox\" \(named) value=\"true\"\(values[member] == "true" ? " checked" : "")></td>"
                case "max_length", "min", "max":
                    html += "<td><input type=\"number\" \(named) value=\"\(value)\"></td>"
                default:
                    html += "<td><input \(named) value=\"\(value)\"></td>"
                }
            }
            html += "</tr>"
        }
        return html + "</tbody></table></fieldset>"
    }
}
