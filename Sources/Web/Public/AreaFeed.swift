import Complaints
import Foundation

/// `GET /feeds/{area}.atom`: an Atom 1.0 feed of an area's newest listed reports, one entry per
/// report whose id is its public page's address (stable), updated whenever its status changes, the
/// changes listed in the entry. Indonesian, as the hub's pages are first.
public enum AreaFeed {
    /// - Parameters:
    ///   - site: the site's absolute origin and prefix (`HUB_PUBLIC_URL`), without a trailing slash.
    ///   - changes: each report's submission and status changes, oldest first.
    public static func render(area: NamedRegion, reports: [PublicReport], changes: [Int64: [PublicEvent]], site: String) -> String {
        let language = Language.id
        let feedURL = site + "/feeds/\(area.code.value).atom"
        let updated = reports.map(\.updatedAt).max() ?? Date(timeIntervalSince1970: 0)
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"id\">"
        xml += "<id>\(escape(feedURL))</id>"
        xml += "<title>\(escape(PublicReportStrings.feedTitle.text(language))) · \(escape(area.name))</title>"
        xml += "<updated>\(timestamp(updated))</updated>"
        xml += "<author><name>\(escape(Strings.appName.text(language)))</name></author>"
        xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(escape(feedURL))\"/>"
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(escape(site + "/laporan?area=" + area.code.value))\"/>"
        for report in reports {
            let page = site + "/laporan/\(report.id)"
            xml += "<entry><id>\(escape(page))</id>"
            xml += "<title>#\(report.id) \(escape(report.categoryName(language))) · \(escape(report.status.label(language)))</title>"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(escape(page))\"/>"
            xml += "<published>\(timestamp(report.createdAt))</published><updated>\(timestamp(report.updatedAt))</updated>"
            xml += "<category term=\"\(escape(report.category))\" label=\"\(escape(report.categoryNameID))\"/>"
            var text = "\(Strings.status.text(language)): \(report.status.label(language))\n"
            if let place = report.areaName { text += "\(Strings.area.text(language)): \(place)\n" }
            if let description = report.description { text += "\n\(description)\n" }
            let history = changes[report.id] ?? []
            if !history.isEmpty { text += "\n\(Strings.timeline.text(language)):\n" }
            for event in history {
                let status = event.toStatus.flatMap(ComplaintStatus.init(rawValue:))?.label(language) ?? EventText.label(event.kind, language)
                text += "- \(DateText.local(event.at, language)): \(status)\n"
            }
            xml += "<content type=\"text\">\(escape(text))</content></entry>"
        }
        return xml + "</feed>\n"
    }

    /// RFC 3339 in UTC, as Atom's dates are.
    static func timestamp(_ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// XML text and attribute escaping (the HTML escape's characters are XML's too); control
    /// characters XML 1.0 forbids are dropped.
    static func escape(_ text: String) -> String {
        HTML.escape(String(String.UnicodeScalarView(text.unicodeScalars.filter {
            $0.value >= 0x20 || $0 == "\n" || $0 == "\t" || $0 == "\r"
        })))
    }
}
