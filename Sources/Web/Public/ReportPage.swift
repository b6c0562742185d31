import Complaints

/// `GET /laporan/{id}`: one listed report as the public sees it, without its tracking code: status,
/// category, area, dates, the text and place, public photos and the public timeline.
public enum ReportPage {
    public static func render(_ detail: PublicReportDetail, language: Language) -> String {
        func t(_ key: Strings) -> String { HTML.escape(key.text(language)) }
        let report = detail.report
        var body = "<p><a href=\"\(HTML.escape(PublicLinks.path("/laporan", [], language: language)))\">← \(HTML.escape(PublicReportStrings.backToList.text(language)))</a></p>"
        body += "<h1>\(HTML.escape(PublicReportStrings.reportNumber.text(language))) <span id=\"report-id\">#\(report.id)</span></h1>"
        body += "<dl>"
        body += "<dt>\(t(.status))</dt><dd id=\"status\" data-status=\"\(report.status.rawValue)\">\(HTML.escape(report.status.label(language)))</dd>"
        body += "<dt>\(t(.category))</dt><dd>\(HTML.escape(report.categoryName(language)))"
        if report.hazard { body += " <strong class=\"hazard-flag\">⚠ \(HTML.escape(PublicReportStrings.hazards.text(language)))</strong>" }
        body += "</dd><dt>\(t(.area))</dt><dd>"
        if let area = report.kelurahan ?? report.kecamatan {
            body += "<a href=\"\(HTML.escape(PublicLinks.path("/laporan", [("area", area.code.value)], language: language)))\">"
                + HTML.escape(report.areaName ?? area.name) + "</a>"
        } else {
            body += HTML.escape(PublicReportStrings.noArea.text(language))
        }
        body += "</dd><dt>\(t(.submittedAt))</dt><dd>\(DateText.local(report.createdAt, language))</dd>"
        body += "<dt>\(t(.updatedAt))</dt><dd>\(DateText.local(report.updatedAt, language))</dd>"
        if let resolved = report.resolvedAt {
            body += "<dt>\(HTML.escape(PublicReportStrings.resolvedAt.text(language)))</dt><dd>\(DateText.local(resolved, language))</dd>"
        }
        body += "</dl>"
        if let description = report.description { body += "<h2>\(t(.description))</h2><p class=\"text\" id=\"description\">\(HTML.escape(description))</p>" }
        if let location = report.location { body += "<p id=\"location\">\(t(.location)): \(HTML.escape(location))</p>" }
        if let point = report.point {
            body += "<p class=\"hint\">\(t(.latitude)) \(point.lat), \(t(.longitude)) \(point.lon)</p>"
        }
        if !detail.photos.isEmpty { body += "<h2>\(t(.photos))</h2>" }
        for photo in detail.photos {
            let alt = photo.purpose == .resolution ? t(.afterPhotoAlt) : t(.photoAlt)
            body += "<figure><img src=\"/api/v1/photos/\(photo.id)\" alt=\"\(alt)\" style=\"max-width:100%;height:auto\" loading=\"lazy\"><figcaption>\(alt)</figcaption></figure>"
        }
        body += TrackingPage.timeline(detail.timeline.map { .init(kind: $0.kind, at: $0.at, actorRole: $0.actorRole, note: $0.note(language)) },
                                      language: language)
        // Anyone may follow a listed report by email instead of filing the same problem again (issue 17).
        if report.status.isOpen { body += FollowPages.form(report: report.id, language: language) }
        return Layout.page(title: "\(PublicReportStrings.reportTitle.text(language)) #\(report.id)", language: language,
                           switchPath: "/laporan/\(report.id)", body: body)
    }
}
