import Complaints
import Foundation

/// What the case page shows besides the case itself.
public struct StaffCaseView: Sendable {
    public let stored: Case
    public let timeline: [CaseEvent]
    /// The reporter's contact, only where the account may see it.
    public let reporter: Contact?
    public let photos: [CasePhoto]
    public let duplicates: DuplicateLinks
    /// The actions (URL names) the lifecycle allows this account now, in the order they are offered.
    public let actions: [StaffAction]
    /// Colleagues a case can be assigned to.
    public let colleagues: [Account]
    /// The sub-units of the case's agency it can be disposed to.
    public let subUnits: [SubUnit]
    public let categories: [Category]
    /// The agencies a case may be forwarded to.
    public let agencies: [Agency]
    /// The module's fields and the values this account may read.
    public let profile: ModuleProfile
    public let fields: [String: String]
    /// Whether this account reads (and so may edit) the module's confidential fields.
    public let showsConfidential: Bool
    /// The name of the staff member who holds the case, or nil when nobody does.
    public let holder: String?
    /// The request that fans out the case is the parent or a part of, and which of its cases this
    /// account may open (the others are named, not linked).
    public let request: CaseRequest?
    public let requestLinks: Set<String>

    public init(stored: Case, timeline: [CaseEvent], reporter: Contact?, photos: [CasePhoto],
                duplicates: DuplicateLinks, actions: [StaffAction], colleagues: [Account], subUnits: [SubUnit] = [], categories: [Category],
                profile: ModuleProfile = .none, fields: [String: String] = [:], showsConfidential: Bool = false,
                agencies: [Agency] = [], holder: String? = nil, request: CaseRequest? = nil, requestLinks: Set<String> = []) {
        self.holder = holder
        self.request = request
        self.requestLinks = requestLinks
        self.profile = profile
        self.showsConfidential = showsConfidential
        self.fields = fields
        self.stored = stored
        self.timeline = timeline
        self.reporter = reporter
        self.photos = photos
        self.duplicates = duplicates
        self.actions = actions
        self.colleagues = colleagues
        self.subUnits = subUnits
        self.categories = categories
        self.agencies = agencies
    }
}

/// `GET /staff/cases/{code}`: what to do next first (the complaint's text and photos, who holds the
/// case, the one or two actions the lifecycle expects next as the primary buttons), then the other
/// actions folded away, the details, the reporter and the timeline.
public enum StaffCasePage {
    /// - Parameters:
    ///   - notice: a confirmation after an action.
    ///   - error: why the last action was refused; `values` are what was typed, kept in its form.
    public static func render(_ view: StaffCaseView, session: StaffSession, language: Language, notice: String? = nil,
                              error: String? = nil, values: [String: String] = [:]) -> String {
        func t(_ key: StaffStrings) -> String { HTML.escape(key.text(language)) }
        func c(_ key: CaseWords) -> String { HTML.escape(key.text(language)) }
        let stored = view.stored
        let code = stored.trackingCode
        let categoryName = view.categories.first { $0.code == stored.category }?.name(language) ?? stored.category
        var body = "<p><a href=\"\(StaffFrame.link("/staff/", language))\">← \(t(.back))</a></p>"
        body += "<h1>\(t(.caseTitle)) <span id=\"case-code\">\(code)</span></h1>"
        body += "<p>\(t(.codeToReadOut)): <span class=\"code\" id=\"case-code-grouped\">\(HTML.escape(SpokenCode.grouped(code)))</span></p>"
        body += StaffFrame.notice(notice) + StaffFrame.error(error)

        body += "<p class=\"lead\">\(HTML.escape(categoryName)) · \(HTML.escape(stored.status.label(language)))</p>"
        body += "<p id=\"holder\">" + (view.holder.map { "\(c(.holder)): <strong>\(HTML.escape($0))</strong>" } ?? c(.nobody)) + "</p>"
        body += "<p class=\"text\" id=\"description\">\(HTML.escape(stored.description))</p>"
        if !view.photos.isEmpty {
            body += "<h2>\(t(.photos))</h2>"
            for photo in view.photos {
                let label = photo.purpose == .resolution ? t(.resolutionPhoto) : t(.reportPhoto)
                body += "<figure><img src=\"/staff/cases/\(code)/photos/\(photo.id)\" alt=\"\(label) \(photo.position)\" style=\"max-width:100%;max-height:24rem\" loading=\"lazy\">"
                body += "<figcaption>\(label) \(photo.position)</figcaption></figure>"
            }
        }

        body += nextSteps(view, session: session, language: language, values: values)

        body += "<h2>\(t(.details))</h2><dl>"
        func row(_ label: StaffStrings, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            body += "<dt>\(t(label))</dt><dd>\(HTML.escape(value))</dd>"
        }
        body += "<dt>\(t(.statusLabel))</dt><dd id=\"status\" data-status=\"\(stored.status.rawValue)\">\(HTML.escape(stored.status.label(language)))</dd>"
        let subcategoryName = stored.subcategory.map { code in
            view.categories.first { $0.code == stored.category }?.subcategories.first { $0.code == code }?.name(language) ?? code
        }
        row(.category, categoryName + (subcategoryName.map { " / \($0)" } ?? ""))
        row(.priority, PriorityText.label(stored.priority, language))
        row(.due, stored.dueAt.map { DateText.local($0, language) })
        row(.subUnit, stored.subUnit.map { code in view.subUnits.first { $0.code == code }?.name(language) ?? code })
        row(.channel, stored.channel.rawValue)
        row(.location, stored.location)
        row(.kelurahan, stored.kelurahan)
        row(.kecamatan, stored.kecamatan)
        if let lat = stored.lat, let lon = stored.lon { row(.coordinates, "\(lat), \(lon)") }
        row(.anonymous, (stored.anonymous ? StaffStrings.yes : .no).text(language))
        row(.confidential, (stored.confidential ? StaffStrings.yes : .no).text(language))
        if stored.inspectorate { row(.inspectorateCase, StaffStrings.yes.text(language)) }
        for field in view.profile.fields {
            guard let value = view.fields[field.key] else { continue }
            body += "<dt>\(HTML.escape(field.label(language)))</dt><dd data-field=\"\(field.key)\">\(HTML.escape(field.display(value, language)))</dd>"
        }
        body += "</dl>"

        body += "<h2>\(t(.reporter))</h2>"
        if let reporter = view.reporter {
            body += "<p id=\"reporter\">" + [reporter.name, reporter.email, reporter.phone].compactMap { $0 }.map(HTML.escape).joined(separator: "<br>") + "</p>"
        } else {
            body += "<p id=\"reporter\" class=\"internal\">\(t(stored.anonymous ? .reporterHidden : .reporterNoContact))</p>"
        }

        body += requestSection(view, language: language)

        if view.duplicates.duplicateOf != nil || !view.duplicates.joined.isEmpty {
            body += "<h2>\(t(.duplicates))</h2><ul id=\"duplicates\">"
            if let of = view.duplicates.duplicateOf {
                body += "<li>\(t(.duplicateOf)): <a href=\"\(StaffFrame.link("/staff/cases/\(of)", language))\">\(HTML.escape(SpokenCode.grouped(of)))</a></li>"
            }
            for joined in view.duplicates.joined {
                let status = ComplaintStatus(rawValue: joined.status)?.label(language) ?? joined.status
                body += "<li>\(t(.joinedReports)): <a href=\"\(StaffFrame.link("/staff/cases/\(joined.code)", language))\">\(HTML.escape(SpokenCode.grouped(joined.code)))</a> (\(HTML.escape(status)))</li>"
            }
            body += "</ul>"
        }

        body += "<h2>\(t(.timeline))</h2><ol class=\"timeline\" id=\"timeline\">"
        for event in view.timeline {
            let visibility = event.isPublic ? t(.publicEvent) : t(.internalEvent)
            body += "<li data-kind=\"\(HTML.escape(event.kind.rawValue))\"><strong>\(HTML.escape(EventText.label(event.kind, language)))</strong>"
            body += " — \(HTML.escape(EventText.role(event.actorRole, language))), \(DateText.local(event.at, language)) <span class=\"internal\">(\(visibility))</span>"
            if let note = event.note { body += "<br><span class=\"text\">\(HTML.escape(note))</span>" }
            body += "</li>"
        }
        body += "</ol>"
        return StaffFrame.page(title: "\(StaffStrings.caseTitle.text(language)) \(code)", language: language, session: session,
                               path: "/staff/cases/\(code)", body: body)
    }
}
