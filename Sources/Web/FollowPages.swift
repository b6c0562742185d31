import Complaints

/// Following a public case by email: the form on its tracking page, and the pages of the follow's
/// steps (asked, a link's button, confirmed, stopped), each linking back to the case.
public enum FollowPages {
    /// The form under a public case's tracking page.
    static func form(code: TrackingCode, language: Language) -> String {
        form(action: "/track/\(code.value)/followers", language: language)
    }

    /// The form under a public report's page (`/laporan/{id}`).
    static func form(report: Int64, language: Language) -> String {
        form(action: "/laporan/\(report)/followers", language: language)
    }

    private static func form(action path: String, language: Language) -> String {
        func t(_ key: Strings) -> String { HTML.escape(key.text(language)) }
        let action = path + (language == .en ? "?lang=en" : "")
        return """
        <section id="follow"><h2>\(t(.followTitle))</h2><p class="hint" id="follow-hint">\(t(.followHint))</p>
        <form method="post" action="\(HTML.escape(action))" novalidate>
        <label for="follow-email">\(t(.email))</label>
        <input id="follow-email" name="email" type="email" autocomplete="email" aria-describedby="follow-hint">
        <button type="submit">\(t(.followButton))</button>
        </form></section>
        """
    }

    /// What a step of following says.
    public enum Step: Sendable {
        /// Asked: the confirmation mail is on its way.
        case pending
        /// A mailed link opened: its button, which posts to the link (`FollowLink`); nothing changed yet.
        case button(FollowLink, token: String)
        case confirmed
        case stopped
        /// Refused, with the refusal's words.
        case refused(String)
    }

    /// The page of a step, for the case whose public id is `report` (nil when no case is known).
    public static func render(_ step: Step, report: Int64?, language: Language) -> String {
        func t(_ key: Strings) -> String { HTML.escape(key.text(language)) }
        let message: String
        switch step {
        case .pending: message = "<p id=\"follow-status\" role=\"status\">\(t(.followPending))</p>"
        case .button(let link, let token):
            let (ask, button): (Strings, Strings) = link == .confirm ? (.followConfirmAsk, .followConfirmButton) : (.followStopAsk, .followStopButton)
            let action = link.path(token) + (language == .en ? "?lang=en" : "")
            message = "<p id=\"follow-ask\">\(t(ask))</p><form method=\"post\" action=\"\(HTML.escape(action))\">"
                + "<button id=\"follow-\(link.rawValue)\" type=\"submit\">\(t(button))</button></form>"
        case .confirmed: message = "<p id=\"follow-status\" role=\"status\">\(t(.followConfirmed))</p>"
        case .stopped: message = "<p id=\"follow-status\" role=\"status\">\(t(.followStopped))</p>"
        case .refused(let text): message = "<p class=\"error\" id=\"follow-error\" role=\"alert\">\(HTML.escape(text))</p>"
        }
        // The report's public page, never the tracking page: a follower need not hold the reporter's code.
        let link = report.map { "/laporan/\($0)" }
        let back = link.map { "<p><a href=\"\(HTML.escape($0 + (language == .en ? "?lang=en" : "")))\">\(t(.openReport))</a></p>" } ?? ""
        let body = "<h1>\(t(.followTitle))</h1>\(message)\(back)"
        return Layout.page(title: Strings.followTitle.text(language), language: language, switchPath: link ?? "/", body: body)
    }
}
