import Complaints

/// What `/peta` shows: the regions' outlines, the open reports per desa/kelurahan and category (the
/// hotspots, confidential reports counted), and the newest open listed reports as points.
public struct MapView: Sendable {
    public let projection: MapProjection
    /// Kecamatan and desa/kelurahan outlines, simplified for the projection.
    public let outlines: [AreaOutline]
    public let hotspots: [Hotspot]
    /// Open listed reports with a point, newest first.
    public let points: [PublicReport]
    /// The most points drawn (the page says so when it draws that many).
    public let pointLimit: Int
    public let categories: [CategoryChoice]
    public let category: String?

    public init(projection: MapProjection, outlines: [AreaOutline], hotspots: [Hotspot], points: [PublicReport], pointLimit: Int,
                categories: [CategoryChoice], category: String?) {
        self.projection = projection
        self.outlines = outlines
        self.hotspots = hotspots
        self.points = points
        self.pointLimit = pointLimit
        self.categories = categories
        self.category = category
    }
}

/// `GET /peta`: the map drawn by the hub as inline SVG (no tiles, no scripts), its legend and the
/// same numbers in a table; each area links to its list of reports.
public enum MapPage {
    public static func render(_ view: MapView, language: Language) -> String {
        func t(_ key: PublicReportStrings) -> String { HTML.escape(key.text(language)) }
        var totals: [RegionCode: (count: Int, hazards: Int)] = [:]
        for spot in view.hotspots {
            totals[spot.kelurahan, default: (0, 0)].count += spot.count
            totals[spot.kelurahan, default: (0, 0)].hazards += spot.hazards
        }
        let most = totals.values.map(\.count).max() ?? 0
        let shading = HotspotShading(max: most)
        let villages = view.outlines.filter(\.code.isVillage)
        let names = Dictionary(view.outlines.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let categoryNames = Dictionary(view.categories.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        func listLink(_ code: RegionCode) -> String {
            PublicLinks.path("/laporan", [("area", code.value)] + (view.category.map { [("category", $0)] } ?? []), language: language)
        }

        var map = SVGMap(projection: view.projection, areas: villages.map { outline in
            let total = totals[outline.code] ?? (0, 0)
            return SVGMap.Area(outline: outline, fill: shading.colour(total.count), link: listLink(outline.code),
                               title: "\(outline.name): \(total.count) \(PublicReportStrings.openReports.text(language).lowercased())",
                               emphasised: total.hazards > 0)
        })
        map.borders = view.outlines.filter { !$0.code.isVillage }
        map.markers = view.points.compactMap { report in
            report.point.map { SVGMap.Marker(point: $0, title: "#\(report.id) \(report.categoryName(language)) · \(report.status.label(language))",
                                             link: PublicLinks.report(report.id, language: language), hazard: report.hazard) }
        }

        var body = "<h1>\(t(.mapTitle))</h1><p class=\"hint\">\(t(.mapIntro))</p>"
        body += ReportListPage.filterForm(ReportListView(query: PublicReportQuery(category: view.category, limit: 0), reports: [], unlisted: 0,
                                                         areas: [], categories: view.categories, next: nil),
                                          language: language, action: "/peta", statuses: false)
        if view.outlines.isEmpty {
            body += "<p id=\"no-boundaries\">\(t(.noBoundaries))</p>"
        } else {
            body += "<figure class=\"map-figure\">" + map.render(id: "peta", label: PublicReportStrings.mapTitle.text(language)) + "</figure>"
        }
        body += "<h2>\(t(.legend))</h2><ul id=\"legend\" class=\"legend\">"
        for range in shading.ranges(max: most) {
            body += "<li><span class=\"swatch\" style=\"background:\(range.colour)\"></span>\(HTML.escape(range.label)) \(t(.openReports).lowercased())</li>"
        }
        body += "<li><svg width=\"16\" height=\"16\" aria-hidden=\"true\"><circle cx=\"8\" cy=\"8\" r=\"5\" fill=\"#0b5394\"/></svg> \(t(.openReports))</li>"
        body += "<li><svg width=\"16\" height=\"16\" aria-hidden=\"true\"><path d=\"M8 1L15 14L1 14Z\" fill=\"#c00\"/></svg> \(t(.hazards))</li></ul>"
        body += "<p class=\"hint\">\(t(.hazardNote))</p>"
        if view.points.count >= view.pointLimit { body += "<p class=\"hint\">\(t(.pointsShown)) \(view.pointLimit).</p>" }
        body += hotspotTable(view, names: names, categoryNames: categoryNames, language: language, link: listLink)
        body += "<p><a href=\"\(HTML.escape(PublicLinks.path("/laporan", view.category.map { [("category", $0)] } ?? [], language: language)))\">\(t(.asList))</a></p>"
        return Layout.page(title: PublicReportStrings.mapTitle.text(language), language: language,
                           switchPath: PublicLinks.path("/peta", view.category.map { [("category", $0)] } ?? [], language: .id),
                           body: body + "<style>\(css)</style>")
    }

    static let css = """
    .map-figure{margin:0;border:1px solid #ccc;background:#eaf2f8} .map a:focus path{stroke:#000;stroke-width:3}
    ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem} .swatch{display:inline-block;width:1rem;height:1rem;border:1px solid #555;vertical-align:middle;margin-right:.3rem}
    table{border-collapse:collapse;width:100%} th,td{border-bottom:1px solid #ccc;padding:.3rem;text-align:left} td.n{text-align:right}
    .hazard-flag{color:#c00;font-weight:700}
    """

    /// The hotspots' numbers as a table: per desa/kelurahan and category, the open reports and hazards.
    static func hotspotTable(_ view: MapView, names: [RegionCode: String], categoryNames: [String: String], language: Language,
                             link: (RegionCode) -> String) -> String {
        func t(_ key: PublicReportStrings) -> String { HTML.escape(key.text(language)) }
        var html = "<h2>\(t(.hotspots))</h2><table id=\"hotspots\"><caption class=\"hint\">\(t(.hotspotIntro))</caption>"
        html += "<thead><tr><th scope=\"col\">\(t(.areaColumn))</th><th scope=\"col\">\(t(.categoryColumn))</th>"
        html += "<th scope=\"col\">\(t(.countColumn))</th><th scope=\"col\">\(t(.hazards))</th></tr></thead><tbody>"
        let ordered = view.hotspots.sorted { ($0.count, $1.kelurahan.value, $1.category) > ($1.count, $0.kelurahan.value, $0.category) }
        for spot in ordered {
            html += "<tr data-area=\"\(HTML.escape(spot.kelurahan.value))\" data-category=\"\(HTML.escape(spot.category))\">"
            html += "<td><a href=\"\(HTML.escape(link(spot.kelurahan)))\">\(HTML.escape(names[spot.kelurahan] ?? spot.kelurahan.value))</a></td>"
            html += "<td>\(HTML.escape(categoryNames[spot.category] ?? spot.category))</td><td class=\"n\">\(spot.count)</td>"
            html += "<td class=\"n\">\(spot.hazards > 0 ? "<span class=\"hazard-flag\">⚠ \(spot.hazards)</span>" : "0")</td></tr>"
        }
        return html + "</tbody></table>"
    }
}
