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
    public static func render(categories: [CategoryChoice], language: Language, values: [String: String] = [:],
                              errors: [String: String] = [:], formToken: String, notices: NoticeChannels = .none) -> String {
        func t(_ key: Strings) -> String { HTML.escape(key.text(language)) }
        func value(_ name: String) -> String { HTML.escape(values[name] ?? "") }
        func error(_ field: String) -> String {
            guard let message = errors[field] else { return "" }
            return "<p class=\"error\" id=\"\(field)-error\" role=\"alert\">\(HTML.escape(message))</p>"
        }
        func described(_ field: String, hint: String? = nil) -> String {
            let ids = [hint, errors[field] == nil ? nil : "\(field)-error"].compactMap { $0 }
            let invalid = errors[field] == nil ? "" : " aria-invalid=\"true\""
            return ids.isEmpty ? invalid : " aria-describedby=\"\(ids.joined(separator: " "))\"\(invalid)"
        }
        let selected = values["category"] ?? ""
        var categoryOptions = "<option value=\"\">\(t(.chooseCategory))</option>"
        var subcategoryOptions = "<option value=\"\">\(t(.noSubcategory))</option>"
        for category in categories {
            let mark = category.code == selected ? " selected" : ""
            categoryOptions += "<option value=\"\(HTML.escape(category.code))\"\(mark)>\(HTML.escape(category.name))</option>"
            subcategoryOptions += "<optgroup label=\"\(HTML.escape(category.name))\">"
            for sub in category.subcategories {
                let subMark = sub.code == values["subcategory"] && category.code == selected ? " selected" : ""
                subcategoryOptions += "<option value=\"\(HTML.escape(sub.code))\"\(subMark)>\(HTML.escape(sub.name))</option>"
            }
            subcategoryOptions += "</optgroup>"
        }
        let fresh = values.isEmpty
        let anonymousChecked = fresh || values["anonymous"] != nil ? " checked" : ""
        let confidentialChecked = fresh || values["confidential"] != nil ? " checked" : ""
        let summary = errors.isEmpty ? "" : "<p class=\"error\" role=\"alert\">\(t(.fixErrors))</p>"
        let action = language == .en ? "/complaints?lang=en" : "/complaints"
        let body = """
        <h1>\(t(.formTitle))</h1>
        <p>\(t(.formIntro))</p>
        \(summary)
        <form method="post" action="\(action)" enctype="multipart/form-data" novalidate>
        <input type="hidden" name="form_token" value="\(HTML.escape(formToken))">
        <label for="category">\(t(.category))</label>
        <select id="category" name="category" required\(described("category"))>\(categoryOptions)</select>
        \(error("category"))
        <label for="subcategory">\(t(.subcategory))</label>
        <select id="subcategory" name="subcategory"\(described("subcategory"))>\(subcategoryOptions)</select>
        \(error("subcategory"))
        <label for="description">\(t(.description))</label>
        <p class="hint" id="description-hint">\(t(.descriptionHint))</p>
        <textarea id="description" name="description" rows="6" maxlength="4000" required\(described("description", hint: "description-hint"))>\(value("description"))</textarea>
        \(error("description"))
        <label for="location">\(t(.location))</label>
        <p class="hint" id="location-hint">\(t(.locationHint))</p>
        <input id="location" name="location" value="\(value("location"))"\(described("location", hint: "location-hint"))>
        \(error("location"))
        <label for="pole_id">\(t(.poleID))</label>
        <p class="hint" id="pole-hint">\(t(.poleHint))</p>
        <input id="pole_id" name="pole_id" value="\(value("pole_id"))" aria-describedby="pole-hint">
        <label for="kelurahan">\(t(.kelurahan))</label>
        <input id="kelurahan" name="kelurahan" value="\(value("kelurahan"))">
        <label for="kecamatan">\(t(.kecamatan))</label>
        <input id="kecamatan" name="kecamatan" value="\(value("kecamatan"))">
        <p class="hint" id="coordinates-hint">\(t(.coordinatesHint))</p>
        <button type="button" id="locate" hidden data-waiting="\(t(.locateWaiting))" data-done="\(t(.locateDone))" data-failed="\(t(.locateFailed))">\(t(.locate))</button>
        <p class="hint" id="locate-status" role="status" aria-live="polite"></p>
        <label for="lat">\(t(.latitude))</label>
        <input id="lat" name="lat" inputmode="decimal" value="\(value("lat"))"\(described("lat", hint: "coordinates-hint"))>
        \(error("lat"))
        <label for="lon">\(t(.longitude))</label>
        <input id="lon" name="lon" inputmode="decimal" value="\(value("lon"))"\(described("lon", hint: "coordinates-hint"))>
        \(error("lon"))
        <label for="photos">\(t(.photos))</label>
        <p class="hint" id="photos-hint">\(t(.photosHint))\(errors.isEmpty ? "" : " " + t(.photosAgain))</p>
        <input id="photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple\(described("photos", hint: "photos-hint"))>
        \(error("photos"))
        <fieldset><legend>\(t(.privacy))</legend>
        <label><input type="checkbox" name="anonymous" value="1"\(anonymousChecked) aria-describedby="anonymous-hint"> \(t(.anonymous))</label>
        <p class="hint" id="anonymous-hint">\(t(notices.any ? .anonymousHintNotified : .anonymousHint))</p>
        <label><input type="checkbox" name="confidential" value="1"\(confidentialChecked) aria-describedby="confidential-hint"> \(t(.confidential))</label>
        <p class="hint" id="confidential-hint">\(t(.confidentialHint))</p>
        </fieldset>
        <fieldset><legend>\(t(.contactTitle))</legend>
        <p class="hint" id="contact-hint">\(t(notices.any ? .contactHint : .contactHintSilent))</p>
        <label for="name">\(t(.name))</label>
        <input id="name" name="name" autocomplete="name" value="\(value("name"))"\(described("name", hint: "contact-hint"))>
        \(error("name"))
        <label for="email">\(t(.email))</label>
        <input id="email" name="email" type="email" autocomplete="email" value="\(value("email"))"\(described("email", hint: "contact-hint"))>
        \(error("email"))
        <label for="phone">\(t(.phone))</label>
        <input id="phone" name="phone" type="tel" autocomplete="tel" value="\(value("phone"))"\(described("phone", hint: "contact-hint"))>
        \(error("phone"))
        </fieldset>
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
        """
        return Layout.page(title: Strings.formTitle.text(language), language: language, switchPath: "/", body: body)
    }
}
