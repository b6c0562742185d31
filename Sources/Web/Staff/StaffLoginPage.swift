import Complaints

/// `GET /staff/login`: the login form. Its CSRF token is the one of the browser's pre-login cookie.
public enum StaffLoginPage {
    /// - Parameters:
    ///   - address: where the form posts, without the language: `/staff/login`, with `?next=` when
    ///     the login should lead back to the page the user was on.
    ///   - kept: texts a form sent after the session ended (label and text), shown to be copied.
    public static func render(language: Language, csrf: String, login: String = "", error: String? = nil,
                              address: String = "/staff/login", kept: [(label: String, text: String)] = []) -> String {
        func t(_ key: StaffStrings) -> String { HTML.escape(key.text(language)) }
        var body = "<h1>\(t(.loginTitle))</h1>\(StaffFrame.error(error))"
        body += """
        <form method="post" action="\(HTML.escape(StaffFrame.link(address, language)))">
        <input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
        <label for="login">\(t(.login))</label>
        <input id="login" name="login" autocomplete="username" required value="\(HTML.escape(login))">
        <label for="password">\(t(.password))</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit">\(t(.logIn))</button>
        </form>
        """
        if !kept.isEmpty {
            body += "<h2>\(t(.keptTitle))</h2><p>\(t(.keptHint))</p>"
            for (index, entry) in kept.enumerated() {
                body += "<label for=\"kept-\(index + 1)\">\(HTML.escape(entry.label))</label>"
                body += "<textarea id=\"kept-\(index + 1)\" class=\"kept\" rows=\"4\" readonly>\n\(HTML.escape(entry.text))</textarea>"
            }
        }
        return StaffFrame.page(title: StaffStrings.loginTitle.text(language), language: language, session: nil,
                               path: address, body: body)
    }
}
