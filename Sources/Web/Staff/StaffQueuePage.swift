import Complaints
import Foundation

/// A page of a work queue as the queue page shows it.
public struct StaffQueueListing: Sendable {
    public let entries: [QueueEntry]
    public let counts: QueueCounts
    public let filter: QueueFilter
    public let order: QueueOrder
    public let page: QueuePage
    /// The request's query as it came, for the paging links (which change `page` only).
    public let query: [(name: String, value: String)]
    /// The known kecamatan and desa/kelurahan the area filter offers.
    public let areas: RegionDirectory

    public init(entries: [QueueEntry], counts: QueueCounts, filter: QueueFilter, order: QueueOrder = .default,
                page: QueuePage = .first, query: [(name: String, value: String)] = [], areas: RegionDirectory = .empty) {
        self.entries = entries
        self.counts = counts
        self.filter = filter
        self.order = order
        self.page = page
        self.query = query
        self.areas = areas
    }
}

/// `GET /staff/`: the account's work queue in the order asked for, with filters, counts and pages.
public enum StaffQueuePage {
    /// The size of a page of the queue page (the API's default is `QueuePage.largestSize`).
    public static let pageSize = 50

    /// - Parameters:
    ///   - subUnits: every sub-unit; the filter offers those of the account's module (all for inspectors
    ///     and admins, none for an account bound to a sub-unit).
    ///   - search: a tracking code typed in the search box that did not read, kept in it; `error` says so.
    public static func render(session: StaffSession, listing: StaffQueueListing, categories: [Category], subUnits: [SubUnit] = [],
                              language: Language, now: Date = Date(), search: String? = nil, error: String? = nil) -> String {
        func t(_ key: StaffStrings) -> String { HTML.escape(key.text(language)) }
        func w(_ key: QueueWords) -> String { HTML.escape(key.text(language)) }
        func option(_ value: String, _ label: String, selected: Bool) -> String {
            "<option value=\"\(HTML.escape(value))\"\(selected ? " selected" : "")>\(HTML.escape(label))</option>"
        }
        let filter = listing.filter, counts = listing.counts
        let account = session.account
        let seesAll = account.role == .inspector || account.role == .admin
        let any = option("", StaffStrings.anyValue.text(language), selected: false)

        var find = "<form method=\"get\" action=\"/staff/\" class=\"find\" role=\"search\">"
        if language == .en { find += "<input type=\"hidden\" name=\"lang\" value=\"en\">" }
        find += "<label for=\"find-code\">\(t(.findCode))</label><input id=\"find-code\" name=\"code\" value=\"\(HTML.escape(search ?? ""))\""
        find += " autocomplete=\"off\" spellcheck=\"false\" autocapitalize=\"characters\" placeholder=\"ABCD-EFGH-JKMNP\">"
        find += "<button type=\"submit\">\(t(.find))</button></form>"

        var form = "<form method=\"get\" action=\"/staff/\" class=\"filters\">"
        if language == .en { form += "<input type=\"hidden\" name=\"lang\" value=\"en\">" }
        form += "<div><label for=\"q\">\(w(.search))</label><input id=\"q\" name=\"q\" type=\"search\" minlength=\"\(QueueSearch.shortest)\""
        form += " maxlength=\"\(QueueSearch.longest)\" value=\"\(HTML.escape(filter.search?.text ?? ""))\" aria-describedby=\"q-hint\">"
        form += "<small id=\"q-hint\">\(w(.searchHint))</small></div>"
        form += "<div><label for=\"assignee\">\(w(.holder))</label><select id=\"assignee\" name=\"assignee\">"
        form += option("", QueueWords.holderAny.text(language), selected: filter.assignee == nil)
        form += option("me", QueueWords.holderMine.text(language), selected: filter.assignee == .account(account.id))
        form += option("none", QueueWords.holderNone.text(language), selected: filter.assignee == .nobody) + "</select></div>"
        form += "<div><label for=\"status\">\(t(.statusLabel))</label><select id=\"status\" name=\"status\">\(any)"
        for status in ComplaintStatus.allCases where ![.closed, .rejected, .duplicate].contains(status) {
            form += option(status.rawValue, status.label(language), selected: filter.status == status)
        }
        form += "</select></div><div><label for=\"priority\">\(t(.priority))</label><select id=\"priority\" name=\"priority\">\(any)"
        for priority in Priority.allCases.reversed() {
            form += option(priority.rawValue, PriorityText.label(priority, language), selected: filter.priority == priority)
        }
        form += "</select></div><div><label for=\"category\">\(t(.category))</label><select id=\"category\" name=\"category\">\(any)"
        let visible = seesAll || account.categories.isEmpty
            ? categories.filter { seesAll || $0.module == account.module }
            : categories.filter { account.categories.contains($0.code) }
        for category in visible {
            form += option(category.code, category.name(language), selected: filter.categories == [category.code])
        }
        form += "</select></div>"
        if seesAll {
            form += "<div><label for=\"module\">\(t(.module))</label><select id=\"module\" name=\"module\">\(any)"
            for module in ModuleName.allCases { form += option(module.rawValue, module.rawValue, selected: filter.module == module) }
            form += "</select></div><div><label for=\"agency\">\(t(.agency))</label><select id=\"agency\" name=\"agency\">\(any)"
            var agencies: [String] = []
            for category in categories where !agencies.contains(category.agency) { agencies.append(category.agency) }
            for agency in agencies.sorted() { form += option(agency, agency.uppercased(), selected: filter.agency == agency) }
            form += "</select></div>"
        }
        let offeredUnits = account.subUnit != nil ? [] : subUnits.filter { seesAll || $0.module == account.module }
        if !offeredUnits.isEmpty {
            form += "<div><label for=\"sub-unit\">\(t(.subUnit))</label><select id=\"sub-unit\" name=\"sub_unit\">\(any)"
            for unit in offeredUnits { form += option(unit.code, unit.name(language), selected: filter.subUnit == unit.code) }
            form += "</select></div>"
        }
        form += areaFilter(listing.areas, chosen: filter.area, any: any, language: language)
        form += "<div><label for=\"sort\">\(w(.sort))</label><select id=\"sort\" name=\"sort\">"
        for order in QueueOrder.allCases { form += option(order.rawValue, QueueWords.order(order, language), selected: listing.order == order) }
        form += "</select></div>"
        form += "<div><label><input type=\"checkbox\" name=\"overdue\" value=\"true\"\(filter.overdueOnly ? " checked" : "")> \(t(.overdueOnly))</label>"
        if account.role == .inspector {
            form += "<label><input type=\"checkbox\" name=\"inspectorate\" value=\"true\"\(filter.inspectorate == .only ? " checked" : "")> \(t(.inspectorateOnly))</label>"
        }
        form += "</div><div><button type=\"submit\">\(t(.apply))</button></div></form>"

        var summary = "<h2>\(t(.countsTitle))</h2><ul id=\"counts\">"
        for status in ComplaintStatus.allCases {
            guard let count = counts.byStatus[status] else { continue }
            summary += "<li data-status=\"\(status.rawValue)\">\(HTML.escape(status.label(language))): \(QueueCounts.text(count))</li>"
        }
        summary += "<li class=\"late\" data-status=\"overdue\">\(t(.overdueCount)): \(QueueCounts.text(counts.overdue))</li></ul>"

        let table = lines(listing, session: session, categories: categories, language: language, now: now)
        let body = "<h1>\(t(.queue))</h1>\(StaffFrame.error(error))\(find)\(form)\(summary)\(paging(listing, language: language))\(table)"
        return StaffFrame.page(title: StaffStrings.queue.text(language), language: language, session: session,
                               path: "/staff/", body: body)
    }
}

/// Priorities in words.
enum PriorityText {
    static func label(_ priority: Priority, _ language: Language) -> String {
        switch (priority, language) {
        case (.low, .id): return "Rendah"
        case (.normal, .id): return "Normal"
        case (.high, .id): return "Tinggi"
        case (.urgent, .id): return "Mendesak"
        case (.low, .en): return "Low"
        case (.normal, .en): return "Normal"
        case (.high, .en): return "High"
        case (.urgent, .en): return "Urgent"
        }
    }
}
