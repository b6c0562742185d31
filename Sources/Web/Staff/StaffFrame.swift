import Complaints

/// The frame of every staff page: the signed-in account, navigation, and a logout form carrying
/// the session's CSRF token. Links keep the page's language.
public enum StaffFrame {
    static func page(title: String, language: Language, session: StaffSession?, path: String, body: String) -> String {
        func t(_ key: StaffStrings) -> String { HTML.escape(key.text(language)) }
        var nav = ""
        if let session {
            let account = session.account
            if let position = LetterPosition(role: account.role) {
                nav += letterNav(position, language)
            } else {
                nav += "<a href=\"\(link("/staff/", language))\">\(t(.queue))</a>"
            }
            if account.role.entersDeskComplaints {
                nav += "<a href=\"\(link("/staff/desk", language))\">\(HTML.escape(DeskStrings.deskTitle.text(language)))</a>"
            }
            if account.role == .admin { nav += "<a href=\"\(link("/staff/accounts", language))\">\(t(.accounts))</a>" }
            if account.role == .admin {
                nav += "<a href=\"\(link("/staff/admin/categories", language))\">\(HTML.escape(AdminStrings.referenceData.text(language)))</a>"
            }
            nav += "<span> \(HTML.escape(account.login)) (\(HTML.escape(language == .en ? account.role.labelEN : account.role.labelID)))</span>"
            nav += "<form method=\"post\" action=\"\(link("/staff/logout", language))\">\(csrfField(session))<button type=\"submit\">\(t(.logout))</button></form>"
        }
        return Layout.page(title: title, language: language, switchPath: path, body: body, nav: nav, staff: true)
    }

    /// The letter roles' links: the letters on their desk, the new request for a village front
    /// office, the positions and leave for a district admin.
    static func letterNav(_ position: LetterPosition, _ language: Language) -> String {
        func a(_ path: String, _ text: LetterStrings) -> String { "<a href=\"\(link(path, language))\">\(HTML.escape(text.text(language)))</a>" }
        if position == .districtAdmin { return a("/staff/district", .positions) + a("/staff/district/leave", .leave) }
        return a("/staff/letters", .letters) + (position == .villageFrontOffice ? a("/staff/letters/new", .newLetter) : "")
    }

    /// A staff path in the page's language.
    public static func link(_ path: String, _ language: Language) -> String {
        guard language == .en else { return path }
        return path + (path.contains("?") ? "&" : "?") + "lang=en"
    }

    /// A page that only says why the request was refused: in the frame with a link back to the
    /// queue for a signed-in account, else with a link to the login page.
    /// - Parameter requestID: the id to quote when reporting a server error.
    public static func errorPage(_ message: String, session: StaffSession?, language: Language, requestID: String? = nil) -> String {
        func t(_ key: StaffStrings) -> String { HTML.escape(key.text(language)) }
        var body = "<h1>\(t(.staffArea))</h1>\(error(message))"
        if let requestID, !requestID.isEmpty {
            body += "<p>\(t(.quoteRequestID)) <code id=\"request-id\">\(HTML.escape(requestID))</code></p>"
        }
        body += session == nil
            ? "<p><a href=\"\(link("/staff/login", language))\">\(t(.logIn))</a></p>"
            : "<p><a href=\"\(link("/staff/", language))\">\(t(.back))</a></p>"
        return page(title: StaffStrings.staffArea.text(language), language: language, session: session, path: "/staff/", body: body)
    }

    static func csrfField(_ session: StaffSession) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(session.csrfToken))\">"
    }

    static func notice(_ text: String?) -> String {
        guard let text else { return "" }
        return "<p class=\"notice\" role=\"status\">\(HTML.escape(text))</p>"
    }

    static func error(_ text: String?) -> String {
        guard let text else { return "" }
        return "<p class=\"error\" role=\"alert\" id=\"page-error\">\(HTML.escape(text))</p>"
    }
}
