import Complaints

/// `GET /codes/resend` ("Lupa kode?"): the form that sends a citizen the codes of their cases, by the
/// email address or the phone number they left; and the page after it, the same whatever was found.
public enum LostCodePage {
    /// The form, with what was typed and, when it came back refused, the list of what to fix at the
    /// top linking to its field (focused, the message beside it), or the refusal alone when no field
    /// is to blame (a limit).
    /// - Parameter refusal: the refusal's code (`contact_required`, `invalid_email`, `invalid_phone`,
    ///   `rate_limited`) and its words.
    public static func render(language: Language, email: String = "", phone: String = "",
                              refusal: (code: String, message: String)? = nil) -> String {
        func t(_ key: Strings) -> String { HTML.escape(key.text(language)) }
        let action = "/codes/resend" + (language == .en ? "?lang=en" : "")
        let blamed = refusal.flatMap { Self.field(for: $0.code) }
        let summary = ErrorSummary(errors: blamed.map { [$0: refusal?.message ?? ""] } ?? [:], order: ["email", "phone"])
        func marked(_ name: String) -> String {
            name == blamed ? " aria-describedby=\"\(name)-error\" aria-invalid=\"true\"\(summary.autofocus(name))" : ""
        }
        func error(_ name: String) -> String {
            guard name == blamed, let refusal else { return "" }
            return "<p class=\"error\" id=\"\(name)-error\">\(HTML.escape(refusal.message))</p>"
        }
        var body = "<h1>\(t(.lostCodeTitle))</h1>" + summary.html(heading: Strings.fixErrors.text(language)) + "<p>\(t(.lostCodeIntro))</p>"
        if let refusal, blamed == nil {
            body += "<p class=\"error\" id=\"resend-error\" role=\"alert\">\(HTML.escape(refusal.message))</p>"
        }
        body += """
        <form method="post" action="\(HTML.escape(action))" novalidate>
        <label for="email">\(t(.email))</label>
        <input id="email" name="email" type="email" autocomplete="email" value="\(HTML.escape(email))"\(marked("email"))>
        \(error("email"))
        <label for="phone">\(t(.phone))</label>
        <input id="phone" name="phone" type="tel" autocomplete="tel" value="\(HTML.escape(phone))"\(marked("phone"))>
        \(error("phone"))
        <button type="submit">\(t(.lostCodeButton))</button>
        </form>
        <script src="\(FormScript.path)" defer></script>
        """
        return Layout.page(title: Strings.lostCodeTitle.text(language), language: language, switchPath: "/codes/resend", body: body)
    }

    /// The field a refusal names: the phone for a bad number, else the email (which comes first, and
    /// is where a missing or doubled contact is fixed); none for a limit.
    static func field(for code: String) -> String? {
        switch code {
        case "invalid_phone": return "phone"
        case "rate_limited": return nil
        default: return "email"
        }
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
