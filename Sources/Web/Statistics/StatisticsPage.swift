import Complaints

/// The public statistics page (`/statistik`): the filters, a summary, then per agency, per category
/// and per week a chart drawn on the server with a table of the same numbers, how each figure is
/// counted, and links to the same data as JSON and CSV.
public enum StatisticsPage {
    /// A choice of the filters' lists.
    public struct Choice: Sendable, Equatable {
        public let code: String
        public let label: String

        public init(code: String, label: String) {
            self.code = code
            self.label = label
        }
    }

    /// What the page shows.
    public struct View: Sendable {
        /// The figures; nil when the filters were refused.
        public let report: StatisticsReport?
        /// The filters as the reader gave them (shown again when refused).
        public let from: String
        public let to: String
        public let area: String
        public let category: String
        public let areas: [Choice]
        public let categories: [Choice]
        /// Why the filters were refused, if they were.
        public let refusal: Refusal?

        public init(report: StatisticsReport?, from: String, to: String, area: String, category: String, areas: [Choice],
                    categories: [Choice], refusal: Refusal?) {
            self.report = report
            self.from = from
            self.to = to
            self.area = area
            self.category = category
            self.areas = areas
            self.categories = categories
            self.refusal = refusal
        }
    }

    static let css = """
    <style>
    body{max-width:64rem}
    .filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end}.filters>div{flex:1 1 12rem}.filters label{margin-top:0}
    .filters button{margin-top:0}
    .scroll{overflow-x:auto;max-width:100%}
    table{border-collapse:collapse;width:100%;font-size:.95rem}th,td{border-bottom:1px solid #ccc;padding:.35rem;text-align:right;vertical-align:top}
    th:first-child,td:first-child{text-align:left}caption{text-align:left;font-weight:600;padding:.3rem 0}
    figure{margin:0} svg.chart{width:100%;max-width:36rem;height:auto;display:block;margin:.5rem 0}
    .summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.5rem;padding:0;list-style:none}
    .summary li{border:1px solid #ccc;padding:.4rem .6rem}.summary strong{display:block;font-size:1.4rem}
    section{margin-top:2rem}
    </style>
    """

    public static func render(_ view: View, language: Language) -> String {
        func t(_ key: StatisticsStrings) -> String { HTML.escape(key.text(language)) }
        var body = css + "<h1>\(t(.title))</h1><p>\(t(.intro))</p>"
        body += filters(view, language: language)
        if let refusal = view.refusal {
            body += "<p class=\"error\" role=\"alert\" id=\"refusal\" data-code=\"\(HTML.escape(refusal.code))\">"
                + "\(HTML.escape(refusal.message(language)))</p>"
        }
        if let report = view.report {
            body += figures(report, language: language)
        }
        body += definitions(language: language)
        return Layout.page(title: StatisticsStrings.title.text(language), language: language,
                           switchPath: switchPath(view), body: body)
    }

    static func switchPath(_ view: View) -> String {
        let query = [("from", view.from), ("to", view.to), ("area", view.area), ("category", view.category)]
            .filter { !$0.1.isEmpty }.map { "\($0.0)=\(percentEncoded($0.1))" }.joined(separator: "&")
        return "/statistik" + (query.isEmpty ? "" : "?" + query)
    }

    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let scalar = Character(Unicode.Scalar(byte))
            if scalar.isASCII && (scalar.isLetter || scalar.isNumber || "-._~".contains(scalar)) { out.append(scalar) }
            else { out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2) }
        }
        return out
    }

    static func filters(_ view: View, language: Language) -> String {
        func t(_ key: StatisticsStrings) -> String { HTML.escape(key.text(language)) }
        func options(_ choices: [Choice], chosen: String, none: StatisticsStrings) -> String {
            "<option value=\"\">\(t(none))</option>" + choices.map { choice in
                "<option value=\"\(HTML.escape(choice.code))\"\(choice.code == chosen ? " selected" : "")>\(HTML.escape(choice.label))</option>"
            }.joined()
        }
        return """
        <form method="get" action="/statistik" class="filters" aria-label="\(t(.filters))">\
        \(language == .en ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "")\
        <div><label for="from">\(t(.from))</label><input type="date" id="from" name="from" value="\(HTML.escape(view.from))"></div>\
        <div><label for="to">\(t(.to))</label><input type="date" id="to" name="to" value="\(HTML.escape(view.to))"></div>\
        <div><label for="area">\(t(.area))</label><select id="area" name="area">\(options(view.areas, chosen: view.area, none: .allAreas))</select></div>\
        <div><label for="category">\(t(.category))</label><select id="category" name="category">\
        \(options(view.categories, chosen: view.category, none: .allCategories))</select></div>\
        <div><button type="submit">\(t(.show))</button></div></form>
        """
    }

    static func figures(_ report: StatisticsReport, language: Language) -> String {
        func t(_ key: StatisticsStrings) -> String { HTML.escape(key.text(language)) }
        let query = report.query
        var html = "<p id=\"period\" data-from=\"\(query.from)\" data-to=\"\(query.to)\">\(t(.period)) \(query.from) – \(query.to)"
        if let area = query.area { html += " · \(t(.area)) <span id=\"chosen-area\">\(HTML.escape(area.value))</span>" }
        html += "</p>"
        if query.area != nil { html += "<p class=\"hint\">\(t(.areaNote))</p>" }
        html += summary(report.total, language: language)
        html += "<p>\(t(.downloads)): <a href=\"/api/v1/stats?\(dataQuery(query))\">\(t(.json))</a> · "
            + "<a href=\"/api/v1/stats.csv?\(dataQuery(query))\">\(t(.csv))</a></p>"
        html += section(id: "agencies", heading: .byAgency, nameHeading: .agency, rows: report.agencies, language: language)
        html += section(id: "categories", heading: .byCategory, nameHeading: .category, rows: report.categories, language: language)
        html += trend(report.weeks, language: language)
        return html
    }

    static func dataQuery(_ query: StatisticsQuery) -> String {
        var parts = ["from=\(query.from)", "to=\(query.to)"]
        if let area = query.area { parts.append("area=\(area.value)") }
        if let category = query.category { parts.append("category=\(percentEncoded(category))") }
        return HTML.escape(parts.joined(separator: "&"))
    }

    static func summary(_ figures: StatisticsFigures, language: Language) -> String {
        func item(_ key: StatisticsStrings, _ value: String, _ name: String) -> String {
            "<li data-figure=\"\(name)\">\(HTML.escape(key.text(language)))<strong>\(HTML.escape(value))</strong></li>"
        }
        return "<section id=\"total\"><h2>\(HTML.escape(StatisticsStrings.total.text(language)))</h2><ul class=\"summary\">"
            + cells(figures, language: language).map { item($0.key, $0.value, $0.name) }.joined() + "</ul></section>"
    }

    /// The seven figures in the table's order, with their JSON names.
    static func cells(_ figures: StatisticsFigures, language: Language) -> [(key: StatisticsStrings, name: String, value: String)] {
        [
            (.received, "received", StatisticsNumbers.whole(figures.received, language)),
            (.resolved, "resolved", StatisticsNumbers.whole(figures.resolved, language)),
            (.verifyHours, "median_hours_to_verify", StatisticsNumbers.decimal(figures.medianHoursToVerify, language)),
            (.resolveHours, "median_hours_to_resolve", StatisticsNumbers.decimal(figures.medianHoursToResolve, language)),
            (.withinShare, "within_deadline_share", StatisticsNumbers.percent(figures.withinDeadlineShare, language)),
            (.meanRating, "mean_rating", StatisticsNumbers.decimal(figures.meanRating, language)),
            (.confidential, "confidential_count", StatisticsNumbers.whole(figures.confidentialCount, language)),
        ]
    }

    static func section(id: String, heading: StatisticsStrings, nameHeading: StatisticsStrings, rows: [StatisticsReport.Row],
                        language: Language) -> String {
        func t(_ key: StatisticsStrings) -> String { HTML.escape(key.text(language)) }
        let chart = StatisticsChart.bars(rows.map { .init(label: $0.name(language), received: $0.figures.received, resolved: $0.figures.resolved) },
                                         id: "\(id)-chart", title: "\(StatisticsStrings.chartOf.text(language)): \(heading.text(language))",
                                         description: StatisticsStrings.barsDesc.text(language), language: language)
        var table = "<div class=\"scroll\"><table id=\"\(id)-table\"><caption>\(t(heading))</caption><thead><tr><th scope=\"col\">\(t(nameHeading))</th>"
        table += cells(StatisticsFigures(StatisticsTotals()), language: language).map { "<th scope=\"col\">\(t($0.key))</th>" }.joined()
        table += "</tr></thead><tbody>"
        for row in rows {
            table += "<tr data-code=\"\(HTML.escape(row.code))\"><th scope=\"row\">\(HTML.escape(row.name(language)))</th>"
            table += cells(row.figures, language: language).map { "<td data-figure=\"\($0.name)\">\(HTML.escape($0.value))</td>" }.joined()
            table += "</tr>"
        }
        table += "</tbody></table></div>"
        return "<section id=\"\(id)\"><h2>\(t(heading))</h2><figure>\(chart)<figcaption class=\"hint\">\(t(.barsDesc))</figcaption></figure>\(table)</section>"
    }

    static func trend(_ weeks: [StatisticsReport.Week], language: Language) -> String {
        func t(_ key: StatisticsStrings) -> String { HTML.escape(key.text(language)) }
        func short(_ day: LocalDay) -> String {
            let parts = day.description.split(separator: "-")
            return "\(parts[2])/\(parts[1])"
        }
        let chart = StatisticsChart.weeks(weeks.map { .init(label: short($0.start), received: $0.received, resolved: $0.resolved) },
                                          id: "trend-chart", title: "\(StatisticsStrings.chartOf.text(language)): \(StatisticsStrings.trend.text(language))",
                                          description: StatisticsStrings.trendDesc.text(language), language: language)
        var table = "<div class=\"scroll\"><table id=\"trend-table\"><caption>\(t(.trend))</caption><thead><tr><th scope=\"col\">\(t(.week))</th>"
            + "<th scope=\"col\">\(t(.received))</th><th scope=\"col\">\(t(.resolved))</th></tr></thead><tbody>"
        for week in weeks {
            table += "<tr data-week=\"\(week.start)\"><th scope=\"row\">\(week.start)</th>"
                + "<td data-figure=\"received\">\(StatisticsNumbers.whole(week.received, language))</td>"
                + "<td data-figure=\"resolved\">\(StatisticsNumbers.whole(week.resolved, language))</td></tr>"
        }
        table += "</tbody></table></div>"
        return "<section id=\"trend\"><h2>\(t(.trend))</h2><figure>\(chart)<figcaption class=\"hint\">\(t(.trendDesc))</figcaption></figure>\(table)</section>"
    }

    static func definitions(language: Language) -> String {
        let keys: [StatisticsStrings] = [.definitionReceived, .definitionResolved, .definitionVerify, .definitionResolve, .definitionWithin,
                                         .definitionRating, .definitionConfidential, .definitionFresh]
        return "<section id=\"definitions\"><h2>\(HTML.escape(StatisticsStrings.definitions.text(language)))</h2><ul>"
            + keys.map { "<li>\(HTML.escape($0.text(language)))</li>" }.joined() + "</ul></section>"
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
