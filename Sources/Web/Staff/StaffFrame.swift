import Complaints
import HubStore

/// The frame of every staff page: the signed-in account, navigation, and a logout form carrying
/// the session's CSRF token. Links keep the page's language.
public enum StaffFrame {
    static func page(title: String, language: Language, session: StaffSession?, path: String, body: String) -> String {
        func t(_ key: StaffStrings) -> String { HTML.escape(key.text(language)) }
        var nav = ""
        if let session {
            let account = session.account
            nav += "<a href=\"\(link("/staff/", language))\">\(t(.queue))</a>"
            if account.role == .admin { nav += "<a href=\"\(link("/staff/accounts", language))\">\(t(.accounts))</a>" }
            nav += "<span> \(HTML.escape(account.login)) (\(HTML.escape(language == .en ? account.role.labelEN : account.role.labelID)))</span>"
            nav += "<form method=\"post\" action=\"\(link("/staff/logout", language))\">\(csrfField(session))<button type=\"submit\">\(t(.logout))</button></form>"
        }
        return Layout.page(title: title, language: language, switchPath: path, body: body, nav: nav, staff: true)
    }

    /// A staff path in the page's language.
    public static func link(_ path: String, _ language: Language) -> String {
        guard language == .en else { return path }
        return path + (path.contains("?") ? "&" : "?") + "lang=en"
    }

    /// A page that only says why the request was refused.
    public static func errorPage(_ message: String, session: StaffSession, language: Language) -> String {
        page(title: StaffStrings.staffArea.text(language), language: language, session: session, path: "/staff/",
             body: "<h1>\(HTML.escape(StaffStrings.staffArea.text(language)))</h1>\(error(message))"
                + "<p><a href=\"\(link("/staff/", language))\">\(HTML.escape(StaffStrings.back.text(language)))</a></p>")
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

/// `GET /staff/login`: the login form. Its CSRF token is the one of the browser's pre-login cookie.
public enum StaffLoginPage {
    public static func render(language: Language, csrf: String, login: String = "", error: String? = nil) -> String {
        func t(_ key: StaffStrings) -> String { HTML.escape(key.text(language)) }
        let body = """
        <h1>\(t(.loginTitle))</h1>
        \(StaffFrame.error(error))
        <form method="post" action="\(StaffFrame.link("/staff/login", language))">
        <input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
        <label for="login">\(t(.login))</label>
        <input id="login" name="login" autocomplete="username" required value="\(HTML.escape(login))">
        <label for="password">\(t(.password))</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit">\(t(.logIn))</button>
        </form>
        """
        return StaffFrame.page(title: StaffStrings.loginTitle.text(language), language: language, session: nil,
                               path: "/staff/login", body: body)
    }
}
