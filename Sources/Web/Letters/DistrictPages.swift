import Complaints

/// The district admin's pages: `GET /staff/district` (who holds each position of the kecamatan and
/// its desa/kelurahan, and the form that creates an official's account there) and
/// `GET /staff/district/leave` (the leave in force or to come, each cancellable, and the form that
/// records one with its stand-in).
public enum DistrictPages {
    /// - Parameter regions: the kecamatan and its desa/kelurahan, code and name, the kecamatan first.
    public static func positions(session: StaffSession, holders: [PositionHolder], regions: [(code: String, name: String)],
                                 language: Language, notice: String? = nil, error: String? = nil, values: [String: String] = [:]) -> String {
        func t(_ key: LetterStrings) -> String { HTML.escape(key.text(language)) }
        let names = Dictionary(regions.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        var body = "<h1>\(t(.positionsTitle))</h1>\(StaffFrame.notice(notice))"
        body += "<table id=\"positions\"><thead><tr><th>\(t(.region))</th><th>\(t(.role))</th><th>\(t(.name))</th><th>\(t(.login))</th>"
        body += "<th>\(t(.nip))</th><th>\(t(.status))</th></tr></thead><tbody>"
        for holder in holders {
            let official = holder.official
            var status = holder.active ? t(.active) : t(.disabled)
            if let until = holder.onLeaveUntil { status += "; \(t(.onLeaveUntil)) \(LetterText.day(until))" }
            body += "<tr data-login=\"\(HTML.escape(holder.login))\"><td>\(HTML.escape(names[official.region.value] ?? official.region.value))</td>"
            body += "<td>\(HTML.escape(official.position.label(language)))</td><td>\(HTML.escape(official.name))</td>"
            body += "<td>\(HTML.escape(holder.login))</td><td>\(HTML.escape(official.nip ?? "-"))</td><td>\(status)</td></tr>"
        }
        body += "</tbody></table><h2>\(t(.createOfficial))</h2>\(StaffFrame.error(error))"
        body += "<form method=\"post\" action=\"\(LetterText.link("/staff/district/accounts", language))\" id=\"official-form\">"
        body += StaffFrame.csrfField(session)
        body += text("login", t(.login), values, required: true) + "<label for=\"password\">\(t(.password))</label>"
        body += "<input id=\"password\" name=\"password\" type=\"password\" required minlength=\"8\" autocomplete=\"new-password\">"
        body += "<label for=\"role\">\(t(.role))</label><select id=\"role\" name=\"role\">"
        for position in DistrictAdministration.creatablePositions {
            body += "<option value=\"\(position.rawValue)\"\(values["role"] == position.rawValue ? " selected" : "")>\(HTML.escape(position.label(language)))</option>"
        }
        body += "</select><label for=\"region\">\(t(.region))</label><select id=\"region\" name=\"region\">"
        for region in regions {
            body += "<option value=\"\(HTML.escape(region.code))\"\(values["region"] == region.code ? " selected" : "")>\(HTML.escape(region.name)) (\(HTML.escape(region.code)))</option>"
        }
        body += "</select>" + text("name", t(.name), values, required: false) + text("nip", t(.nip), values, required: false)
        body += "<button type=\"submit\" id=\"create-official\">\(t(.create))</button></form>"
        return StaffFrame.page(title: LetterStrings.positionsTitle.text(language), language: language, session: session,
                               path: "/staff/district", body: body)
    }

    /// - Parameter officials: the logins offered as absent official and stand-in, with their label.
    public static func leave(session: StaffSession, leaves: [RecordedLeave], officials: [(login: String, label: String)], today: Int,
                             language: Language, notice: String? = nil, error: String? = nil, values: [String: String] = [:]) -> String {
        func t(_ key: LetterStrings) -> String { HTML.escape(key.text(language)) }
        var body = "<h1>\(t(.leaveTitle))</h1>\(StaffFrame.notice(notice))\(StaffFrame.error(error))"
        if leaves.isEmpty {
            body += "<p id=\"no-leave\">\(t(.noLeave))</p>"
        } else {
            body += "<table id=\"leaves\"><thead><tr><th>\(t(.name))</th><th>\(t(.role))</th><th>\(t(.from))</th><th>\(t(.to))</th>"
            body += "<th>\(t(.standInLogin))</th><th>\(t(.status))</th><th></th></tr></thead><tbody>"
            for leave in leaves {
                body += "<tr data-leave=\"\(leave.id)\"><td>\(HTML.escape(leave.official.name)) (\(HTML.escape(leave.login)))</td>"
                body += "<td>\(HTML.escape(leave.official.position.label(language)))</td><td>\(LetterText.day(leave.leave.fromDay))</td>"
                body += "<td>\(LetterText.day(leave.leave.toDay))</td><td>\(HTML.escape(leave.standIn.name)) (\(HTML.escape(leave.standInLogin)))</td>"
                body += "<td>\(leave.cancelled ? t(.cancelled) : leave.leave.covers(today) ? t(.current) : "")</td><td>"
                if !leave.cancelled {
                    body += "<form method=\"post\" action=\"\(LetterText.link("/staff/district/leave/\(leave.id)/cancel", language))\">"
                    body += StaffFrame.csrfField(session) + "<button type=\"submit\" id=\"cancel-\(leave.id)\">\(t(.cancel))</button></form>"
                }
                body += "</td></tr>"
            }
            body += "</tbody></table>"
        }
        func choice(_ name: String, _ label: String) -> String {
            var html = "<label for=\"\(name)\">\(label)</label><select id=\"\(name)\" name=\"\(name)\">"
            for official in officials {
                html += "<option value=\"\(HTML.escape(official.login))\"\(values[name] == official.login ? " selected" : "")>\(HTML.escape(official.label))</option>"
            }
            return html + "</select>"
        }
        body += "<h2>\(t(.recordLeave))</h2><form method=\"post\" action=\"\(LetterText.link("/staff/district/leave", language))\" id=\"leave-form\">"
        body += StaffFrame.csrfField(session) + choice("login", t(.name))
        body += "<label for=\"from\">\(t(.from))</label><input id=\"from\" name=\"from\" type=\"date\" required value=\"\(HTML.escape(values["from"] ?? ""))\">"
        body += "<label for=\"to\">\(t(.to))</label><input id=\"to\" name=\"to\" type=\"date\" required value=\"\(HTML.escape(values["to"] ?? ""))\">"
        body += choice("stand_in", t(.standInLogin)) + "<button type=\"submit\" id=\"record-leave\">\(t(.recordLeave))</button></form>"
        return StaffFrame.page(title: LetterStrings.leaveTitle.text(language), language: language, session: session,
                               path: "/staff/district/leave", body: body)
    }

    static func text(_ name: String, _ label: String, _ values: [String: String], required: Bool) -> String {
        "<label for=\"\(name)\">\(label)</label><input id=\"\(name)\" name=\"\(name)\" value=\"\(HTML.escape(values[name] ?? ""))\"\(required ? " required" : "")>"
    }
}
