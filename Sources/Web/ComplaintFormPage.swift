import Complaints

/// A category as the form offers it.
public struct CategoryChoice: Sendable {
    public let code: String
    public let name: String
    public let subcategories: [(code: String, name: String)]

    public init(code: String, name: String, subcategories: [(code: String, name: String)]) {
        self.code = code
        self.name = name
        self.subcategories = subcategories
    }
}

/// The complaint form at `GET /`. Rendered again, filled in, with messages beside the fields when
/// validation fails, so nothing the citizen typed is lost.
public enum ComplaintFormPage {
    /// - Parameters:
    ///   - values: what the citizen entered (empty for a fresh form).
    ///   - errors: messages by field name.
    ///   - formToken: the one-time token that makes a double submit create one complaint.
    ///   - notices: how the hub tells reporters here; the form promises only that.
    ///   - areas: the known regions, whose names the kelurahan and kecamatan fields suggest.
    ///   - picker: the region's map to place the point on, when boundaries are loaded.
    public static func render(categories: [CategoryChoice], language: Language, values: [String: String] = [:],
                              errors: [String: String] = [:], formToken: String, notices: NoticeChannels = .none,
                              areas: RegionDirectory = .empty, picker: MapPicker? = nil) -> String {
        func t(_ key: Strings) -> String { HTML.escape(key.text(language)) }
        let summary = ErrorSummary(errors: errors, order: ComplaintFields.order)
        let action = language == .en ? "/complaints?lang=en" : "/complaints"
        let fields = ComplaintFields.render(categories: categories, language: language, values: values, summary: summary,
                                            contactHint: (notices.any ? Strings.contactHint : Strings.contactHintSilent).text(language),
                                            notified: notices.any, textChannel: notices.text ? notices.textChannel : nil,
                                            areas: areas, picker: picker)
        let body = """
        <h1>\(t(.formTitle))</h1>
        <p>\(t(.formIntro))</p>
        \(summary.html(heading: Strings.fixErrors.text(language)))
        <form method="post" action="\(action)" enctype="multipart/form-data" novalidate>
        <input type="hidden" name="form_token" value="\(HTML.escape(formToken))">
        \(fields)
        <button type="submit">\(t(.submit))</button>
        </form>
        <script src="\(FormScript.path)" defer></script>
        <h2>\(t(.trackLookup))</h2>
        <form method="get" action="/track">
        <label for="code">\(t(.trackingCode))</label>
        <input id="code" name="code" autocapitalize="characters">
        <input type="hidden" name="lang" value="\(language.rawValue)">
        <button type="submit">\(t(.trackButton))</button>
        </form>
        \(LostCodePage.link(language: language))
        """
        return Layout.page(title: Strings.formTitle.text(language), language: language, switchPath: "/", body: body)
    }
}
