import Complaints
import Foundation

/// `GET /staff/letters/{code}`: a letter with where it is and until when, the applicant's data, the
/// fields, the history, and exactly the actions the viewer's position may take now (pass, return
/// with a reason, sign, reject with a reason), each a form with the session's CSRF token. The front
/// office finds the receipt here, and the PDF once the letter is ready.
public enum LetterPage {
    /// - Parameters:
    ///   - correcting: the letter's type when the front office holds it for correction: its pass then
    ///     carries the applicant's data and the fields, filled in, to correct.
    ///   - errors: the correction's problems by form name.
    ///   - typed: what a refused correction sent, by form name, shown instead of the letter's data.
    public static func render(session: StaffSession, sheet: LetterSheet, actions: [LetterAction.Kind], showsPrint: Bool,
                              language: Language, now: Date = Date(), notice: String? = nil, error: String? = nil,
                              correcting: LetterType? = nil, errors: [String: String] = [:], typed: [String: String]? = nil) -> String {
        func t(_ key: LetterStrings) -> String { HTML.escape(key.text(language)) }
        let letter = sheet.letter
        let base = "/staff/letters/\(letter.code)"
        var body = "<h1>\(t(.letterTitle)) <span class=\"code\" id=\"letter-code\">\(letter.code)</span></h1>"
        body += StaffFrame.notice(notice) + StaffFrame.error(error)
        body += "<dl id=\"position\"><dt>\(t(.type))</dt><dd>\(HTML.escape(sheet.typeName))</dd>"
        body += "<dt>\(t(.village))</dt><dd>\(HTML.escape(sheet.villageName))</dd>"
        body += "<dt>\(t(.step))</dt><dd id=\"letter-step\" data-step=\"\(letter.step.rawValue)\">\(HTML.escape(letter.step.label(language)))</dd>"
        body += "<dt>\(t(.since))</dt><dd>\(DateText.local(letter.stepSince, language))</dd>"
        body += "<dt>\(t(.stepDue))</dt><dd id=\"step-due\">\(LetterText.stepDue(letter, now: now, language))</dd>"
        body += "<dt>\(t(.letterDue))</dt><dd>\(DateText.local(letter.dueAt, language))</dd>"
        if let number = sheet.number { body += "<dt>\(t(.number))</dt><dd id=\"letter-number\">\(HTML.escape(number))</dd>" }
        body += "</dl>"
        if showsPrint {
            body += "<p class=\"no-print\"><a id=\"receipt-link\" href=\"\(LetterText.link(base + "/receipt", language))\">\(t(.receipt))</a>"
            if letter.step == .ready { body += " · <a id=\"pdf-link\" href=\"/api/v1/letters/\(letter.code)/pdf\">\(t(.pdf))</a>" }
            body += "</p>"
        }
        body += "<h2>\(t(.applicantData))</h2><dl id=\"applicant\">"
        let keys = LetterType.applicantKeys.filter { sheet.applicant[$0] != nil } + sheet.applicant.keys.filter { !LetterType.applicantKeys.contains($0) }.sorted()
        for key in keys {
            body += "<dt>\(HTML.escape(LetterStrings.particular(key, language)))</dt><dd>\(HTML.escape(sheet.applicant[key] ?? ""))</dd>"
        }
        body += "</dl><h2>\(t(.fieldsTitle))</h2><dl id=\"fields\">"
        for field in sheet.fields { body += "<dt>\(HTML.escape(field.label))</dt><dd>\(HTML.escape(field.value))</dd>" }
        body += "</dl>"
        if !sheet.signatures.isEmpty {
            body += "<ul id=\"signatures\">" + sheet.signatures.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>"
        }
        body += "<h2>\(t(.actions))</h2>" + actionForms(actions, base: base, session: session, language: language,
                                                          correction: correcting.map { correctionFields($0, sheet: sheet, errors: errors, typed: typed, language: language) })
        body += "<h2>\(t(.history))</h2><ol id=\"history\">"
        for event in sheet.events {
            body += "<li data-action=\"\(HTML.escape(event.action))\"><time>\(DateText.local(event.at, language))</time> "
            body += HTML.escape(event.position?.label(language) ?? "-")
            if event.standIn { body += " (\(t(.standIn)))" }
            body += ": \(HTML.escape(event.to.label(language)))"
            if let due = event.dueAt, !event.to.isFinal { body += " · \(t(.stepDue)) \(DateText.local(due, language))" }
            if let note = event.note { body += "<br><q>\(HTML.escape(note))</q>" }
            body += "</li>"
        }
        body += "</ol>"
        return StaffFrame.page(title: "\(LetterStrings.letterTitle.text(language)) \(letter.code)", language: language, session: session,
                               path: base, body: body)
    }

    /// One form per action: a reason for a return or a rejection, a note on what a signature means.
    static func actionForms(_ actions: [LetterAction.Kind], base: String, session: StaffSession, language: Language,
                            correction: String? = nil) -> String {
        func t(_ key: LetterStrings) -> String { HTML.escape(key.text(language)) }
        guard !actions.isEmpty else { return "<p id=\"no-actions\">\(t(.noActions))</p>" }
        var html = "<div id=\"actions\">"
        for action in actions {
            // The correction's form lists every problem from the hub, as the entry form does.
            let novalidate = action == .pass && correction != nil ? " novalidate" : ""
            html += "<form method=\"post\" action=\"\(LetterText.link("\(base)/\(action.rawValue)", language))\" id=\"form-\(action.rawValue)\"\(novalidate)>"
            html += StaffFrame.csrfField(session)
            switch action {
            case .return, .reject:
                let id = "reason-\(action.rawValue)"
                html += "<label for=\"\(id)\">\(t(action == .return ? .returnReason : .rejectReason))</label><textarea id=\"\(id)\" name=\"reason\" required maxlength=\"1000\"></textarea>"
            case .sign: html += "<p class=\"hint\">\(t(.signHint))</p>"
            case .pass: html += correction ?? ""
            }
            let label: LetterStrings = switch action {
            case .pass: .pass
            case .return: .returnLetter
            case .sign: .sign
            case .reject: .reject
            }
            html += "<button type=\"submit\" id=\"do-\(action.rawValue)\">\(t(label))</button></form>"
        }
        return html + "</div>"
    }

    /// The applicant's data and the type's fields as the entry form has them, filled with the letter's.
    static func correctionFields(_ type: LetterType, sheet: LetterSheet, errors: [String: String], typed: [String: String]?,
                                 language: Language) -> String {
        var values: [String: String] = [:]
        for (key, value) in sheet.applicant { values["applicant.\(key)"] = value }
        for (key, value) in sheet.fieldValues { values["fields.\(key)"] = value }
        if let typed { values = typed }
        let order = LetterType.applicantKeys.map { "applicant.\($0)" } + type.fields.map { "fields.\($0.key)" }
        let summary = ErrorSummary(errors: errors, order: order)
        return summary.html(heading: LetterStrings.fixErrors.text(language)) + LetterEntryPage.fieldsets(type, values: values, summary: summary,
                                                                                                          errors: errors, language: language)
    }
}
