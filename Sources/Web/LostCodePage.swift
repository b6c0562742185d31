import Complaints

/// `GET /codes/resend` ("Lupa kode?"): the form that sends a citizen the codes of their cases, by the
/// email address or the phone number they left; and the page after it, the same whatever was found.
public enum LostCodePage {
    /// The form, with what was typed and the refusal's message when it came back refused.
    public static func render(language: Language, email: String = "", phone: String = "", error: String? = nil) -> String {
        func t(_ key: Strings) -> String { HTML.escape(key.text(language)) }
        let action = "/codes/resend" + (language == .en ? "?lang=en" : "")
        let invalid = error == nil ? "" : " aria-describedby=\"resend-error\" aria-invalid=\"true\""
        var body = "<h1>\(t(.lostCodeTitle))</h1><p>\(t(.lostCodeIntro))</p>"
        if let error { body += "<p class=\"error\" id=\"resend-error\" role=\"alert\">\(HTML.escape(error))</p>" }
        body += """
        <form method="post" action="\(HTML.escape(action))" novalidate>
        <label for="email">\(t(.email))</label>
        <input id="email" name="email" type="email" autocomplete="email" value="\(HTML.escape(email))"\(invalid)>
        <label for="phone">\(t(.phone))</label>
        <input id="phone" name="phone" type="tel" autocomplete="tel" value="\(HTML.escape(phone))"\(invalid)>
        <button type="submit">\(t(.lostCodeButton))</button>
        </form>
        """
        return Layout.page(title: Strings.lostCodeTitle.text(language), language: language, switchPath: "/codes/resend", body: body)
    }

    /// The answer to a request: the same page whether or not any case was found.
    public static func sent(language: Language) -> String {
        let body = "<h1>\(HTML.escape(Strings.lostCodeTitle.text(language)))</h1>"
            + "<p id=\"resend-sent\" role=\"status\">\(HTML.escape(Strings.lostCodeSent.text(language)))</p>"
            + "<p><a href=\"/\(language == .en ? "?lang=en" : "")\">\(HTML.escape(Strings.formTitle.text(language)))</a></p>"
        return Layout.page(title: Strings.lostCodeTitle.text(language), language: language, switchPath: "/codes/resend", body: body)
    }

    /// The link to the form, beside every place a code is asked for.
    public static func link(language: Language) -> String {
        "<p><a id=\"lost-code\" href=\"/codes/resend\(language == .en ? "?lang=en" : "")\">\(HTML.escape(Strings.lostCodeLink.text(language)))</a></p>"
    }
}
