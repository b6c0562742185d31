import Complaints

/// `GET /staff/admin/{kind}` (admins only): the records of one kind of reference data, each in a form
/// of its own to change it, and a form to add one. The same checks and audit as the JSON API.
public enum AdminReferencePage {
    /// - Parameters:
    ///   - values: what was typed in the add form when adding failed (kept).
    public static func render(session: StaffSession, kind: ReferenceKind, records: [ReferenceRecord], language: Language,
                              notice: String? = nil, error: String? = nil, values: [String: String] = [:]) -> String {
        func t(_ key: AdminStrings) -> String { HTML.escape(key.text(language)) }
        let title = language == .en ? kind.nameEN : kind.nameID
        var body = "<h1>\(t(.referenceData)): \(HTML.escape(title))</h1><nav class=\"reference-kinds\">"
        for other in ReferenceKind.allCases {
            let name = HTML.escape(language == .en ? other.nameEN : other.nameID)
            body += other == kind ? "<strong>\(name)</strong> "
                : "<a href=\"\(StaffFrame.link("/staff/admin/\(other.rawValue)", language))\">\(name)</a> "
        }
        body += "</nav>\(StaffFrame.notice(notice))\(StaffFrame.error(error))"
        if kind == .letterTypes { body += "<p class=\"hint\">\(t(.letterTypesNote))</p>" }
        if kind == .deadlines {
            body += "<p class=\"hint\">\(t(.lettersDeadlineNote)) <a href=\"\(StaffFrame.link("/staff/admin/letter-types", language))\">"
                + "\(HTML.escape(language == .en ? ReferenceKind.letterTypes.nameEN : ReferenceKind.letterTypes.nameID))</a></p>"
        }
        for (index, record) in records.enumerated() {
            let path = "/staff/admin/\(kind.rawValue)/\(URLPath.escape(record.id))"
            body += "<form method=\"post\" class=\"reference-record\" id=\"record-\(index)\" data-id=\"\(HTML.escape(record.id))\""
            body += " action=\"\(StaffFrame.link(path, language))\">\(StaffFrame.csrfField(session))"
            for field in kind.fields {
                body += field.editable ? control(field, stored: record[field.name], prefix: "record-\(index)", language: language)
                    : "<span class=\"field\" data-field=\"\(field.name)\">\(HTML.escape(AdminStrings.label(field.name, language))): "
                        + "\(HTML.escape(record[field.name] == .none ? t(.none) : record[field.name].description))</span>"
            }
            body += "<button type=\"submit\">\(t(.save))</button></form>"
        }
        body += "<h2>\(t(.addTitle))</h2><form method=\"post\" id=\"add-record\" action=\"\(StaffFrame.link("/staff/admin/\(kind.rawValue)", language))\">"
        body += StaffFrame.csrfField(session)
        for field in kind.fields {
            let typed = values[field.name] ?? (field.defaultValue == .none ? "" : field.defaultValue.description)
            body += field.shape == .letterFields
                ? AdminLetterFieldRows.render(AdminLetterFieldRows.rows(typed: values), prefix: "new", language: language)
                : input(field, value: typed, prefix: "new", language: language)
        }
        body += "<button type=\"submit\">\(t(.add))</button></form>"
        return StaffFrame.page(title: "\(AdminStrings.referenceData.text(language)): \(title)", language: language, session: session,
                               path: "/staff/admin/\(kind.rawValue)", body: body)
    }

    /// The control of a stored record's field.
    private static func control(_ field: ReferenceField, stored: ReferenceValue, prefix: String, language: Language) -> String {
        field.shape == .letterFields ? AdminLetterFieldRows.render(AdminLetterFieldRows.rows(stored), prefix: prefix, language: language)
            : input(field, value: stored.description, prefix: prefix, language: language)
    }

    /// A labelled control for one field, by its shape.
    static func input(_ field: ReferenceField, value: String, prefix: String, language: Language) -> String {
        let id = "\(prefix)-\(field.name)"
        let label = "<label for=\"\(id)\">\(HTML.escape(AdminStrings.label(field.name, language)))</label>"
        let required = field.required ? " required" : ""
        switch field.shape {
        case .boolean:
            return label + "<input type=\"checkbox\" id=\"\(id)\" name=\"\(field.name)\" value=\"true\"\(value == "true" ? " checked" : "")>"
        case .integer(let range):
            return label + "<input type=\"number\" id=\"\(id)\" name=\"\(field.name)\" min=\"\(range.lowerBound)\" max=\"\(range.upperBound)\""
                + " value=\"\(HTML.escape(value))\"\(required)>"
        case .choice(let choices):
            var html = label + "<select id=\"\(id)\" name=\"\(field.name)\">"
            for choice in choices {
                html += "<option value=\"\(HTML.escape(choice))\"\(choice == value ? " selected" : "")>\(HTML.escape(choice))</option>"
            }
            return html + "</select>"
        case .date:
            return label + "<input id=\"\(id)\" name=\"\(field.name)\" placeholder=\"\(HTML.escape(AdminStrings.dateHint.text(language)))\""
                + " value=\"\(HTML.escape(value))\"\(required)>"
        case .paragraphs:
            return label + "<textarea id=\"\(id)\" name=\"\(field.name)\" rows=\"6\" cols=\"80\"\(required)>\(HTML.escape(value))</textarea>"
        case .code, .text, .keyword, .reference, .classification, .letterFields:
            return label + "<input id=\"\(id)\" name=\"\(field.name)\" value=\"\(HTML.escape(value))\"\(required)>"
        }
    }
}

/// A path segment with the characters a path may not hold as themselves percent-encoded.
enum URLPath {
    static func escape(_ segment: String) -> String {
        var out = ""
        for byte in segment.utf8 {
            let scalar = Character(UnicodeScalar(byte))
            if scalar.isASCII && (scalar.isLetter || scalar.isNumber || "-._~:".contains(scalar)) {
                out.append(scalar)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded
            }
        }
        return out
    }
}

private extension String {
    var leftPadded: String { count == 1 ? "0" + self : self }
}
