import Complaints

/// The fields of a complaint, from its category to the reporter's contact: the citizen's form and
/// the walk-in desk's page show the same fields under the same names, so one reader
/// (`SubmissionRequest(form:)`) and one summary of problems serve both.
enum ComplaintFields {
    /// The fields' names in page order, for the summary of problems and the first field to fix. The
    /// text channel's choice (`contact_channel`), shown only where text messages are sent, stands
    /// last: the summary puts a field it does not list last.
    static let order = ["category", "subcategory", "description", "location", "pole_id", "kelurahan", "kecamatan", "lat", "lon",
                        "photos", "name", "email", "phone"]

    /// - Parameters:
    ///   - values: what was entered (empty for a fresh form: private by default).
    ///   - summary: the problems, by field, and which field is the first to fix.
    ///   - contactHint: what the contact is used for, in the page's words.
    ///   - notified: the hub tells reporters here, anonymous ones included (the anonymity hint says so).
    ///   - textChannel: the text channel chosen unless the reporter chooses another, when the hub sends
    ///     text messages here (the choice is offered only then).
    ///   - areas: the known regions, whose names the kelurahan and kecamatan fields suggest (an HTML
    ///     datalist: typing stays free, and it works without scripts).
    static func render(categories: [CategoryChoice], language: Language, values: [String: String], summary: ErrorSummary,
                       contactHint: String, notified: Bool = false, textChannel: NoticeChannel? = nil,
                       areas: RegionDirectory = .empty, picker: MapPicker? = nil) -> String {
        let errors = summary.errors
        func t(_ key: Strings) -> String { HTML.escape(key.text(language)) }
        func value(_ name: String) -> String { HTML.escape(values[name] ?? "") }
        func error(_ field: String) -> String {
            guard let message = errors[field] else { return "" }
            return "<p class=\"error\" id=\"\(field)-error\" role=\"alert\">\(HTML.escape(message))</p>"
        }
        func described(_ field: String, hint: String? = nil) -> String {
            let ids = [hint, errors[field] == nil ? nil : "\(field)-error"].compactMap { $0 }
            let invalid = errors[field] == nil ? "" : " aria-invalid=\"true\""
            let focus = summary.autofocus(field)
            return (ids.isEmpty ? invalid : " aria-describedby=\"\(ids.joined(separator: " "))\"\(invalid)") + focus
        }
        func suggested(_ field: String, _ names: [String]) -> String {
            names.isEmpty ? "" : " list=\"\(field)-names\" autocomplete=\"off\""
        }
        func datalist(_ field: String, _ names: [String]) -> String {
            names.isEmpty ? "" : "<datalist id=\"\(field)-names\">" + names.map { "<option value=\"\(HTML.escape($0))\">" }.joined() + "</datalist>"
        }
        let selected = values["category"] ?? ""
        var categoryOptions = "<option value=\"\">\(t(.chooseCategory))</option>"
        var subcategoryOptions = "<option value=\"\">\(t(.noSubcategory))</option>"
        var streetlights: [String] = []
        for category in categories {
            let mark = category.code == selected ? " selected" : ""
            categoryOptions += "<option value=\"\(HTML.escape(category.code))\"\(mark)>\(HTML.escape(category.name))</option>"
            subcategoryOptions += "<optgroup label=\"\(HTML.escape(category.name))\" data-category=\"\(HTML.escape(category.code))\">"
            for sub in category.subcategories {
                let subMark = sub.code == values["subcategory"] && category.code == selected ? " selected" : ""
                subcategoryOptions += "<option value=\"\(HTML.escape(sub.code))\"\(subMark)>\(HTML.escape(sub.name))</option>"
                if Subcategory.isStreetlight(sub.code) && !streetlights.contains(sub.code) { streetlights.append(sub.code) }
            }
            subcategoryOptions += "</optgroup>"
        }
        let fresh = values.isEmpty
        let anonymousChecked = fresh || values["anonymous"] != nil ? " checked" : ""
        let confidentialChecked = fresh || values["confidential"] != nil ? " checked" : ""
        return """
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
        <div id="pole-field" data-subcategories="\(HTML.escape(streetlights.joined(separator: " ")))">
        <label for="pole_id">\(t(.poleID))</label>
        <p class="hint" id="pole-hint">\(t(.poleHint))</p>
        <input id="pole_id" name="pole_id" value="\(value("pole_id"))"\(described("pole_id", hint: "pole-hint"))>
        \(error("pole_id"))
        </div>
        <label for="kelurahan">\(t(.kelurahan))</label>
        <input id="kelurahan" name="kelurahan" value="\(value("kelurahan"))"\(suggested("kelurahan", areas.villageNames))\(described("kelurahan"))>
        <label for="kecamatan">\(t(.kecamatan))</label>
        <input id="kecamatan" name="kecamatan" value="\(value("kecamatan"))"\(suggested("kecamatan", areas.kecamatanNames))\(described("kecamatan"))>
        \(datalist("kelurahan", areas.villageNames))\(datalist("kecamatan", areas.kecamatanNames))
        <p class="hint" id="coordinates-hint">\(t(.coordinatesHint))</p>
        <button type="button" id="locate" hidden data-waiting="\(t(.locateWaiting))" data-done="\(t(.locateDone))" data-failed="\(t(.locateFailed))">\(t(.locate))</button>
        <p class="hint" id="locate-status" role="status" aria-live="polite"></p>
        \(picker?.render(language: language) ?? "")
        <label for="lat">\(t(.latitude))</label>
        <input id="lat" name="lat" inputmode="decimal" value="\(value("lat"))"\(described("lat", hint: "coordinates-hint"))>
        \(error("lat"))
        <label for="lon">\(t(.longitude))</label>
        <input id="lon" name="lon" inputmode="decimal" value="\(value("lon"))"\(described("lon", hint: "coordinates-hint"))>
        \(error("lon"))
        <label for="photos">\(t(.photos))</label>
        <p class="hint" id="photos-hint">\(t(.photosHint))\(errors.isEmpty ? "" : " " + t(.photosAgain))</p>
        <input id="photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple data-max-bytes="\(PhotoFormat.maxBytes)" data-scaling="\(t(.photosScaling))"\(described("photos", hint: "photos-hint"))>
        <p class="hint" id="photos-status" role="status" aria-live="polite"></p>
        \(error("photos"))
        <fieldset><legend>\(t(.privacy))</legend>
        <label><input type="checkbox" name="anonymous" value="1"\(anonymousChecked) aria-describedby="anonymous-hint"> \(t(.anonymous))</label>
        <p class="hint" id="anonymous-hint">\(t(notified ? .anonymousHintNotified : .anonymousHint))</p>
        <label><input type="checkbox" name="confidential" value="1"\(confidentialChecked) aria-describedby="confidential-hint"> \(t(.confidential))</label>
        <p class="hint" id="confidential-hint">\(t(.confidentialHint))</p>
        </fieldset>
        <fieldset><legend>\(t(.contactTitle))</legend>
        <p class="hint" id="contact-hint">\(HTML.escape(contactHint))</p>
        <label for="name">\(t(.name))</label>
        <input id="name" name="name" autocomplete="name" value="\(value("name"))"\(described("name", hint: "contact-hint"))>
        \(error("name"))
        <label for="email">\(t(.email))</label>
        <input id="email" name="email" type="email" autocomplete="email" value="\(value("email"))"\(described("email", hint: "contact-hint"))>
        \(error("email"))
        <label for="phone">\(t(.phone))</label>
        <input id="phone" name="phone" type="tel" autocomplete="tel" value="\(value("phone"))"\(described("phone", hint: "contact-hint"))>
        \(error("phone"))
        \(textChannel.map { textChannelChoice(default: $0, language: language, values: values, error: error("contact_channel"),
                                               described: described("contact_channel", hint: "contact-hint")) } ?? "")
        </fieldset>
        """
    }

    /// The reporter's choice of SMS or WhatsApp for their phone (`contact_channel`), the deployment's
    /// default chosen unless they chose another.
    static func textChannelChoice(default channel: NoticeChannel, language: Language, values: [String: String], error: String,
                                  described: String) -> String {
        let chosen = values["contact_channel"].flatMap(NoticeChannel.init(textChannel:)) ?? channel
        let options = NoticeChannel.textChannels.map { option in
            "<option value=\"\(option.rawValue)\"\(option == chosen ? " selected" : "")>\(option == .sms ? "SMS" : "WhatsApp")</option>"
        }.joined()
        return """
        <label for="contact_channel">\(HTML.escape(Strings.contactChannel.text(language)))</label>
        <select id="contact_channel" name="contact_channel"\(described)>\(options)</select>
        \(error)
        """
    }
}
