import Complaints
import Foundation

extension StaffCasePage {
    /// One action's form, with the fields it needs.
    /// - Parameter primary: whether the action is one the lifecycle expects next (a primary button).
    static func actionForm(_ action: StaffAction, view: StaffCaseView, session: StaffSession, language: Language,
                           primary: Bool = false, values: [String: String]) -> String {
        func t(_ key: StaffStrings) -> String { HTML.escape(key.text(language)) }
        func value(_ name: String) -> String { HTML.escape(values[name] ?? "") }
        let id = "action-\(action.urlName)"
        let target = StaffFrame.link("/staff/cases/\(view.stored.trackingCode)/\(action.urlName)", language)
        let withPhotos = action.takesPhotos
        var form = "<form class=\"action\(primary ? " primary" : "")\" id=\"\(id)\" method=\"post\" action=\"\(target)\"\(withPhotos ? " enctype=\"multipart/form-data\"" : "")>"
        form += StaffFrame.csrfField(session)
        switch action {
        case .assign:
            form += "<label for=\"\(id)-assignee\">\(t(.colleague))</label><select id=\"\(id)-assignee\" name=\"assignee\" required>"
            for colleague in view.colleagues {
                form += "<option value=\"\(HTML.escape(colleague.login))\">\(HTML.escape(colleague.login))</option>"
            }
            form += "</select>"
        case .dispose:
            form += "<label for=\"\(id)-unit\">\(t(.subUnit))</label><select id=\"\(id)-unit\" name=\"sub_unit\" required>"
            // No unit chosen for the reader: a careless click must not send the case anywhere.
            form += "<option value=\"\">\(t(.chooseOne))</option>"
            for unit in view.subUnits {
                guard unit.code != view.stored.subUnit else { continue }
                let selected = unit.code == values["sub_unit"] ? " selected" : ""
                form += "<option value=\"\(HTML.escape(unit.code))\"\(selected)>\(HTML.escape(unit.name(language)))</option>"
            }
            form += "</select>"
        case .details:
            for field in view.profile.fields where !field.confidential || view.showsConfidential {
                let current = values["field.\(field.key)"] ?? view.fields[field.key] ?? ""
                let fieldID = "\(id)-\(field.key)"
                form += "<label for=\"\(fieldID)\">\(HTML.escape(field.label(language)))</label>"
                switch field.kind {
                case .choice(let options):
                    form += "<select id=\"\(fieldID)\" name=\"field.\(field.key)\"><option value=\"\">—</option>"
                    for option in options {
                        let label = language == .en ? option.en : option.id
                        form += "<option value=\"\(option.code)\"\(option.code == current ? " selected" : "")>\(HTML.escape(label))</option>"
                    }
                    form += "</select>"
                case .text(let maxLength, _):
                    form += "<input id=\"\(fieldID)\" name=\"field.\(field.key)\" maxlength=\"\(maxLength)\" value=\"\(HTML.escape(current))\">"
                case .date:
                    form += "<input id=\"\(fieldID)\" name=\"field.\(field.key)\" type=\"date\" value=\"\(HTML.escape(current))\">"
                }
            }
        case .notes:
            form += "<label for=\"\(id)-note\">\(t(.note))</label><textarea id=\"\(id)-note\" name=\"note\" rows=\"3\" required>\(value("note"))</textarea>"
            form += "<label><input type=\"checkbox\" name=\"public\" value=\"true\"\(values["public"] != nil ? " checked" : "")> \(t(.publicNote))</label>"
        case .postpone, .reject, .rejectFollowUp:
            form += "<label for=\"\(id)-reason\">\(t(.reason))</label><textarea id=\"\(id)-reason\" name=\"reason\" rows=\"3\" required>\(value("reason"))</textarea>"
        case .duplicate:
            form += "<label for=\"\(id)-of\">\(t(.duplicateCode))</label><input id=\"\(id)-of\" name=\"duplicate_of\" required value=\"\(value("duplicate_of"))\">"
        case .resolve, .requestValidation:
            form += "<label for=\"\(id)-note\">\(t(.note))</label><textarea id=\"\(id)-note\" name=\"note\" rows=\"3\" required>\(value("note"))</textarea>"
            form += "<label for=\"\(id)-photos\">\(t(.afterPhotos))</label><input id=\"\(id)-photos\" name=\"photos\" type=\"file\" accept=\"image/jpeg,image/png,image/webp\" multiple>"
        case .escalate:
            form += "<label for=\"\(id)-priority\">\(t(.priority))</label><select id=\"\(id)-priority\" name=\"priority\"><option value=\"\">\(t(.anyValue))</option>"
            for priority in Priority.allCases.reversed() where priority > view.stored.priority {
                form += "<option value=\"\(priority.rawValue)\">\(HTML.escape(PriorityText.label(priority, language)))</option>"
            }
            form += "</select><label for=\"\(id)-due\">\(t(.newDeadline))</label><input id=\"\(id)-due\" name=\"due_date\" type=\"date\">"
            form += "<label for=\"\(id)-category\">\(t(.newCategory))</label><select id=\"\(id)-category\" name=\"category\"><option value=\"\">\(t(.anyValue))</option>"
            for category in view.categories where category.code != view.stored.category {
                form += "<option value=\"\(category.code)\">\(HTML.escape(category.name(language)))</option>"
            }
            form += "</select><label><input type=\"checkbox\" name=\"inspectorate\" value=\"true\"> \(t(.toInspectorate))</label>"
            form += "<label for=\"\(id)-reason\">\(t(.escalationReason))</label><textarea id=\"\(id)-reason\" name=\"reason\" rows=\"2\">\(value("reason"))</textarea>"
        case .forward:
            form += "<label for=\"\(id)-agency\">\(t(.forwardTo))</label><select id=\"\(id)-agency\" name=\"agency\" required>"
            form += "<option value=\"\">\(t(.chooseOne))</option>"
            for agency in view.agencies where agency.code != view.stored.agency {
                let selected = agency.code == values["agency"] ? " selected" : ""
                form += "<option value=\"\(HTML.escape(agency.code))\"\(selected)>\(HTML.escape(agency.name(language)))</option>"
            }
            form += "</select>"
            form += "<label for=\"\(id)-reason\">\(t(.escalationReason))</label><textarea id=\"\(id)-reason\" name=\"reason\" rows=\"3\" required>\(value("reason"))</textarea>"
        case .returnForward:
            form += "<label for=\"\(id)-reason\">\(t(.escalationReason))</label><textarea id=\"\(id)-reason\" name=\"reason\" rows=\"3\" required>\(value("reason"))</textarea>"
        case .findings:
            form += "<label for=\"\(id)-note\">\(t(.findingsNote))</label><textarea id=\"\(id)-note\" name=\"note\" rows=\"3\" required>\(value("note"))</textarea>"
        case .decide:
            form += "<label for=\"\(id)-outcome\">\(t(.outcome))</label><select id=\"\(id)-outcome\" name=\"outcome\" required>"
            form += "<option value=\"\">\(t(.chooseOne))</option>"
            for outcome in InspectionOutcome.allCases {
                let selected = outcome.rawValue == values["outcome"] ? " selected" : ""
                form += "<option value=\"\(outcome.rawValue)\"\(selected)>\(HTML.escape(outcome.label(language)))</option>"
            }
            form += "</select>"
            form += "<label for=\"\(id)-public-note\">\(t(.outcomeNote))</label><textarea id=\"\(id)-public-note\" name=\"public_note\" rows=\"3\" required>\(value("public_note"))</textarea>"
        case .ask:
            form += "<label for=\"\(id)-question\">\(t(.question))</label><textarea id=\"\(id)-question\" name=\"question\" rows=\"3\" required>\(value("question"))</textarea>"
        case .verify, .claim, .validate, .close, .acceptForward, .investigate:
            break
        }
        if let confirmation = CaseWords.confirmation(action, language) {
            // A required box: the browser will not send the form unticked, scripts or not; the page's
            // handler refuses it unticked too (a client that skips the check).
            form += "<label class=\"confirm\"><input type=\"checkbox\" id=\"\(id)-confirm\" name=\"confirm\" value=\"yes\" required> "
            form += "\(HTML.escape(confirmation))</label>"
        }
        form += "<button type=\"submit\"\(primary ? " class=\"primary\"" : "")>\(HTML.escape(action.label(language)))</button></form>"
        return form
    }
}
