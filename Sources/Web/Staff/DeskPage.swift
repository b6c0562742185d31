import Complaints

/// `GET /staff/desk`: staff enter a visitor's complaint on their behalf: the complaint form's
/// fields, the intake channel it came through and the visitor's contact. A refused entry comes back
/// filled in, with the list of what to fix at the top.
public enum DeskPage {
    /// The fields' names in page order: the channel first, then the complaint's.
    static let order = ["intake_channel"] + ComplaintFields.order

    /// - Parameters:
    ///   - channels: the intake channels offered, in the table's order (the first is chosen on a fresh form).
    ///   - values: what was entered (empty for a fresh form).
    ///   - errors: messages by field name.
    ///   - formToken: the one-time token that makes a double submit store one complaint.
    ///   - textChannel: the deployment's text channel, where text messages are sent: the visitor chooses SMS or WhatsApp.
    ///   - areas: the known regions, whose names the area fields suggest.
    public static func render(session: StaffSession, categories: [CategoryChoice], channels: [IntakeChannel], language: Language,
                              values: [String: String] = [:], errors: [String: String] = [:], formToken: String,
                              textChannel: NoticeChannel? = nil, areas: RegionDirectory = .empty) -> String {
        func t(_ key: DeskStrings) -> String { HTML.escape(key.text(language)) }
        let summary = ErrorSummary(errors: errors, order: order)
        let chosen = values["intake_channel"] ?? channels.first?.code
        var options = ""
        for channel in channels {
            let mark = channel.code == chosen ? " selected" : ""
            options += "<option value=\"\(HTML.escape(channel.code))\"\(mark)>\(HTML.escape(channel.name(language)))</option>"
        }
        let invalid = errors["intake_channel"] == nil ? "" : " aria-invalid=\"true\""
        let channelError = errors["intake_channel"].map {
            "<p class=\"error\" id=\"intake_channel-error\" role=\"alert\">\(HTML.escape($0))</p>"
        } ?? ""
        let fields = ComplaintFields.render(categories: categories, language: language, values: values, summary: summary,
                                            contactHint: DeskStrings.visitorContactHint.text(language), textChannel: textChannel,
                                            areas: areas)
        let body = """
        <h1>\(t(.deskTitle))</h1>
        <p>\(t(.deskIntro))</p>
        \(summary.html(heading: Strings.fixErrors.text(language)))
        <form method="post" action="\(StaffFrame.link("/staff/desk", language))" enctype="multipart/form-data" novalidate id="desk-form">
        \(StaffFrame.csrfField(session))
        <input type="hidden" name="form_token" value="\(HTML.escape(formToken))">
        <label for="intake_channel">\(t(.intakeChannel))</label>
        <p class="hint" id="intake_channel-hint">\(t(.intakeChannelHint))</p>
        <select id="intake_channel" name="intake_channel" required aria-describedby="intake_channel-hint"\(invalid)\(summary.autofocus("intake_channel"))>\(options)</select>
        \(channelError)
        \(fields)
        <button type="submit">\(t(.deskSubmit))</button>
        </form>
        <script src="\(FormScript.path)" defer></script>
        """
        return StaffFrame.page(title: DeskStrings.deskTitle.text(language), language: language, session: session,
                               path: "/staff/desk", body: body)
    }
}
