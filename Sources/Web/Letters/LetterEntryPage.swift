import Complaints

/// `GET /staff/letters/new`: the village front office enters a request. First the letter type, then
/// the applicant's data and the fields generated from the type's field definitions (text, date,
/// number, NIK, choice, with the type's checks as the browser's own hints). A refused form comes back
/// filled in, with the list of what to fix at the top.
public enum LetterEntryPage {
    /// - Parameters:
    ///   - chosen: the type whose form to show; nil shows the choice of type only.
    ///   - values: what was entered, by form name (`applicant.nik`, `fields.sejak`).
    ///   - errors: messages by form name.
    public static func render(session: StaffSession, types: [LetterType], chosen: LetterType?, language: Language,
                              values: [String: String] = [:], errors: [String: String] = [:]) -> String {
        func t(_ key: LetterStrings) -> String { HTML.escape(key.text(language)) }
        var body = "<h1>\(t(.enterTitle))</h1>"
        body += "<form method=\"get\" action=\"/staff/letters/new\" id=\"type-form\">"
        if language == .en { body += "<input type=\"hidden\" name=\"lang\" value=\"en\">" }
        body += "<label for=\"type\">\(t(.chooseType))</label><select id=\"type\" name=\"type\">"
        for type in types {
            body += "<option value=\"\(HTML.escape(type.code))\"\(type.code == chosen?.code ? " selected" : "")>\(HTML.escape(type.name(language)))</option>"
        }
        body += "</select> <button type=\"submit\" id=\"choose-type\">\(t(.next))</button></form>"
        guard let chosen else {
            return StaffFrame.page(title: LetterStrings.enterTitle.text(language), language: language, session: session,
                                   path: "/staff/letters/new", body: body)
        }
        let order = LetterType.applicantKeys.map { "applicant.\($0)" } + chosen.fields.map { "fields.\($0.key)" }
        let summary = ErrorSummary(errors: errors, order: order)
        body += "<h2>\(HTML.escape(chosen.name(language)))</h2><p>\(t(.enterIntro))</p>"
        body += summary.html(heading: LetterStrings.fixErrors.text(language))
        body += "<form method=\"post\" action=\"\(LetterText.link("/staff/letters/new", language))\" id=\"letter-form\" novalidate>"
        body += StaffFrame.csrfField(session) + "<input type=\"hidden\" name=\"type\" value=\"\(HTML.escape(chosen.code))\">"
        body += fieldsets(chosen, values: values, summary: summary, errors: errors, language: language)
        body += "<button type=\"submit\" id=\"submit-letter\">\(t(.submit))</button></form>"
        return StaffFrame.page(title: LetterStrings.enterTitle.text(language), language: language, session: session,
                               path: "/staff/letters/new?type=\(chosen.code)", body: body)
    }

    /// The applicant's particulars and the type's fields, each the input its kind calls for.
    static func fieldsets(_ type: LetterType, values: [String: String], summary: ErrorSummary, errors: [String: String],
                          language: Language) -> String {
        var html = "<fieldset><legend>\(HTML.escape(LetterStrings.applicantTitle.text(language)))</legend>"
        for key in LetterType.applicantKeys {
            let required = ["nik", "name", "address"].contains(key)
            var extra = key == "nik" ? " inputmode=\"numeric\" pattern=\"[0-9]{16}\" maxlength=\"16\"" : ""
            if key == "birth_date" { extra = " type=\"date\"" }
            html += input("applicant.\(key)", label: LetterStrings.particular(key, language), required: required, extra: extra,
                          values: values, summary: summary, errors: errors, language: language)
        }
        html += "</fieldset><fieldset><legend>\(HTML.escape(LetterStrings.fieldsTitle.text(language)))</legend>"
        for field in type.fields { html += self.field(field, values: values, summary: summary, errors: errors, language: language) }
        return html + "</fieldset>"
    }

    /// A field of the type as the input its kind calls for.
    static func field(_ field: LetterField, values: [String: String], summary: ErrorSummary, errors: [String: String],
                      language: Language) -> String {
        let name = "fields.\(field.key)"
        let label = language == .en ? field.labelEN : field.labelID
        switch field.kind {
        case .choice:
            var html = labelHTML(name, label, required: field.required, language: language)
            html += "<select id=\"\(name)\" name=\"\(name)\"\(field.required ? " required" : "")\(invalid(name, errors))\(summary.autofocus(name))>"
            html += "<option value=\"\"></option>"
            for choice in field.choices {
                html += "<option\(values[name] == choice ? " selected" : "")>\(HTML.escape(choice))</option>"
            }
            return html + "</select>" + errorLine(name, errors)
        case .text: return input(name, label: label, required: field.required, extra: " maxlength=\"\(field.maxLength ?? 200)\"",
                                 values: values, summary: summary, errors: errors, language: language)
        case .date: return input(name, label: label, required: field.required, extra: " type=\"date\"", values: values, summary: summary,
                                 errors: errors, language: language)
        case .number:
            let bounds = " min=\"\(field.min ?? 0)\"" + (field.max.map { " max=\"\($0)\"" } ?? "")
            return input(name, label: label, required: field.required, extra: " type=\"number\"\(bounds)", values: values, summary: summary,
                         errors: errors, language: language)
        case .nik: return input(name, label: label, required: field.required, extra: " inputmode=\"numeric\" pattern=\"[0-9]{16}\" maxlength=\"16\"",
                                values: values, summary: summary, errors: errors, language: language)
        }
    }

    static func input(_ name: String, label: String, required: Bool, extra: String, values: [String: String], summary: ErrorSummary,
                      errors: [String: String], language: Language) -> String {
        labelHTML(name, label, required: required, language: language)
            + "<input id=\"\(name)\" name=\"\(name)\" value=\"\(HTML.escape(values[name] ?? ""))\"\(extra)\(required ? " required" : "")"
            + "\(invalid(name, errors))\(summary.autofocus(name))>" + errorLine(name, errors)
    }

    static func labelHTML(_ name: String, _ label: String, required: Bool, language: Language) -> String {
        "<label for=\"\(name)\">\(HTML.escape(label))\(required ? "" : " " + HTML.escape(LetterStrings.optional.text(language)))</label>"
    }

    static func invalid(_ name: String, _ errors: [String: String]) -> String {
        errors[name] == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"\(name)-error\""
    }

    static func errorLine(_ name: String, _ errors: [String: String]) -> String {
        errors[name].map { "<p class=\"error\" id=\"\(name)-error\">\(HTML.escape($0))</p>" } ?? ""
    }
}
