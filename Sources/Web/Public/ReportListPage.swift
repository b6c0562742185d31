import Complaints
import Foundation

/// What `/laporan` shows: a page of listed reports, how many others are only counted, the filters'
/// choices and the next page's address.
public struct ReportListView: Sendable {
    public let query: PublicReportQuery
    public let reports: [PublicReport]
    /// Reports matching the filters that are confidential: counted, never listed.
    public let unlisted: Int
    /// Counts above this are shown as "more than" it.
    public var unlistedCap = Int.max
    public let areas: [NamedRegion]
    public let categories: [CategoryChoice]
    /// The cursor of the next page, nil on the last.
    public let next: PublicReportCursor?

    public init(query: PublicReportQuery, reports: [PublicReport], unlisted: Int, areas: [NamedRegion],
                categories: [CategoryChoice], next: PublicReportCursor?) {
        self.query = query
        self.reports = reports
        self.unlisted = unlisted
        self.areas = areas
        self.categories = categories
        self.next = next
    }
}

/// `GET /laporan`: browse the public reports by area, category and status, newest first, a page at
/// a time; a plain GET form, so it works without scripts.
public enum ReportListPage {
    public static func render(_ view: ReportListView, language: Language) -> String {
        func t(_ key: PublicReportStrings) -> String { HTML.escape(key.text(language)) }
        let query = view.query
        var body = "<h1>\(t(.listTitle))</h1><p class=\"hint\">\(t(.listIntro))</p>"
        body += filterForm(view, language: language, action: "/laporan")
        let place = query.area.flatMap { code in view.areas.first { $0.code == code }?.name }
        let count = view.unlisted > view.unlistedCap ? "&gt; \(view.unlistedCap)" : "\(view.unlisted)"
        body += "<p id=\"unlisted\" data-count=\"\(min(view.unlisted, view.unlistedCap))\"><strong>\(count)</strong> "
            + (query.area == nil ? t(.unlistedEverywhere) : t(.unlistedInArea)) + (place.map { " (\(HTML.escape($0)))" } ?? "") + "</p>"
        if view.reports.isEmpty {
            body += "<p id=\"no-reports\">\(t(.none))</p>"
        } else {
            body += "<ol id=\"reports\" class=\"reports\">"
            for report in view.reports { body += item(report, language: language) }
            body += "</ol>"
        }
        if let next = view.next {
            let link = PublicLinks.list(query.filterItems + [("after", next.description)], language: language)
            body += "<p><a id=\"next-page\" rel=\"next\" href=\"\(HTML.escape(link))\">\(t(.nextPage)) →</a></p>"
        }
        body += "<p><a href=\"\(HTML.escape(PublicLinks.path("/peta", query.category.map { [("category", $0)] } ?? [], language: language)))\">\(t(.onMap))</a>"
        body += " · \(t(.openData)): "
        body += "<a href=\"\(HTML.escape(PublicLinks.path("/api/v1/reports.csv", query.filterItems, language: .id)))\">CSV</a>, "
        body += "<a href=\"\(HTML.escape(PublicLinks.path("/api/v1/reports.geojson", query.filterItems, language: .id)))\">GeoJSON</a>"
        if let area = query.area { body += ", <a href=\"/feeds/\(HTML.escape(area.value)).atom\">\(t(.feed))</a>" }
        body += "</p>"
        let switchPath = PublicLinks.path("/laporan", query.filterItems + (query.after.map { [("after", $0.description)] } ?? []), language: .id)
        return Layout.page(title: PublicReportStrings.listTitle.text(language), language: language, switchPath: switchPath,
                           body: body + "<style>\(css)</style>")
    }

    static let css = """
    ol.reports{list-style:none;padding:0} ol.reports li{border-bottom:1px solid #ccc;padding:.6rem 0}
    .status{display:inline-block;background:#eef;padding:0 .4rem;border-radius:.2rem;font-size:.9rem}
    .hazard-flag{color:#c00;font-weight:700} form.filters{display:flex;flex-wrap:wrap;gap:.5rem}
    form.filters label{flex:1 1 9rem;margin-top:0} form.filters button{margin-top:0;align-self:end}
    """

    /// One report's line: its number and category linking to its page, status, area, date and text.
    static func item(_ report: PublicReport, language: Language) -> String {
        var html = "<li class=\"report\" data-id=\"\(report.id)\" data-status=\"\(report.status.rawValue)\">"
        html += "<a href=\"\(HTML.escape(PublicLinks.report(report.id, language: language)))\"><strong>#\(report.id)</strong> "
        html += HTML.escape(report.categoryName(language)) + "</a>"
        if report.hazard { html += " <span class=\"hazard-flag\">⚠ \(HTML.escape(PublicReportStrings.hazards.text(language)))</span>" }
        html += "<br><span class=\"status\">\(HTML.escape(report.status.label(language)))</span> · "
        html += HTML.escape(report.areaName ?? PublicReportStrings.noArea.text(language))
        html += " · \(DateText.local(report.createdAt, language))"
        if let description = report.description {
            let short = description.count > 200 ? String(description.prefix(200)) + "…" : description
            html += "<br><span class=\"text\">\(HTML.escape(short))</span>"
        }
        return html + "</li>"
    }

    /// The filters as a GET form: area (kecamatan, then its desa indented), category, status.
    static func filterForm(_ view: ReportListView, language: Language, action: String, statuses: Bool = true) -> String {
        func t(_ key: PublicReportStrings) -> String { HTML.escape(key.text(language)) }
        func option(_ value: String, _ label: String, selected: Bool) -> String {
            "<option value=\"\(HTML.escape(value))\"\(selected ? " selected" : "")>\(HTML.escape(label))</option>"
        }
        var html = "<form class=\"filters\" method=\"get\" action=\"\(action)\" aria-label=\"\(t(.filterTitle))\">"
        if language == .en { html += "<input type=\"hidden\" name=\"lang\" value=\"en\">" }
        if !view.areas.isEmpty {
            html += "<label>\(HTML.escape(Strings.area.text(language)))<select name=\"area\">" + option("", PublicReportStrings.allAreas.text(language), selected: view.query.area == nil)
            for area in view.areas {
                html += option(area.code.value, (area.code.isVillage ? "— " : "") + area.name, selected: view.query.area == area.code)
            }
            html += "</select></label>"
        }
        html += "<label>\(HTML.escape(Strings.category.text(language)))<select name=\"category\">"
            + option("", PublicReportStrings.allCategories.text(language), selected: view.query.category == nil)
        for category in view.categories { html += option(category.code, category.name, selected: view.query.category == category.code) }
        html += "</select></label>"
        if statuses {
            html += "<label>\(HTML.escape(Strings.status.text(language)))<select name=\"status\">"
                + option("", PublicReportStrings.allStatuses.text(language), selected: view.query.status == nil)
            for status in ComplaintStatus.allCases { html += option(status.rawValue, status.label(language), selected: view.query.status == status) }
            html += "</select></label>"
        }
        return html + "<button type=\"submit\">\(t(.show))</button></form>"
    }
}

/// The public pages' addresses, with the reader's language kept.
public enum PublicLinks {
    /// `/laporan/{id}`.
    public static func report(_ id: Int64, language: Language) -> String { path("/laporan/\(id)", [], language: language) }

    static func list(_ items: [(name: String, value: String)], language: Language) -> String { path("/laporan", items, language: language) }

    /// A path with its query items percent-encoded, `lang=en` added for English.
    public static func path(_ path: String, _ items: [(name: String, value: String)], language: Language) -> String {
        let all = items + (language == .en ? [("lang", "en")] : [])
        guard !all.isEmpty else { return path }
        return path + "?" + all.map { "\($0.name)=\(queryEscape($0.value))" }.joined(separator: "&")
    }
}
