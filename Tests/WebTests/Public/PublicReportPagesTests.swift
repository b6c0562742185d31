import Complaints
import Foundation
import Testing
@testable import Web

/// The public report pages and feed: what a listed report shows, what a confidential count says,
/// links that keep the filters and the language, and a feed that is Atom.
struct PublicReportPagesTests {
    static let at = Date(timeIntervalSince1970: 1_796_372_763)
    let report = PublicReport(id: 41, category: "pekerjaan-umum", categoryNameID: "Pekerjaan Umum", categoryNameEN: "Public works",
                              subcategory: "drainase", subcategoryNameID: "Drainase", subcategoryNameEN: "Drainage", hazard: true,
                              status: .inProgress, kecamatan: NamedRegion(code: RegionCode("99.01.02")!, name: "Tanjungsari"),
                              kelurahan: NamedRegion(code: RegionCode("99.01.02.2001")!, name: "Cibodas"), createdAt: at, updatedAt: at,
                              resolvedAt: nil, description: "Banjir <setinggi> lutut", location: "Gang Mawar", point: GeoPoint(lon: 106.82, lat: -6.55))

    func list(language: Language = .id, unlisted: Int = 3, next: PublicReportCursor? = nil) -> String {
        ReportListPage.render(ReportListView(query: PublicReportQuery(area: RegionCode("99.01.02"), category: "pekerjaan-umum", limit: 20),
                                             reports: [report], unlisted: unlisted,
                                             areas: [NamedRegion(code: RegionCode("99.01.02")!, name: "Tanjungsari"),
                                                     NamedRegion(code: RegionCode("99.01.02.2001")!, name: "Cibodas")],
                                             categories: [CategoryChoice(code: "pekerjaan-umum", name: "Pekerjaan Umum", subcategories: [])],
                                             next: next), language: language)
    }

    @Test func theListLinksEachReportByItsIdCountsTheConfidentialAndKeepsTheFiltersOnTheNextPage() {
        let html = list(next: PublicReportCursor(createdAt: Self.at, id: 41))
        #expect(html.contains("<a href=\"/laporan/41\"><strong>#41</strong> Pekerjaan Umum · Drainase</a>"))
        #expect(html.contains("Banjir &lt;setinggi&gt; lutut") && html.contains("⚠ Bahaya"))
        #expect(html.contains("<strong>3</strong> laporan rahasia di wilayah ini (Tanjungsari)"))
        #expect(html.contains("href=\"/laporan?area=99.01.02&amp;category=pekerjaan-umum&amp;after=1796372763000000.41\""))
        #expect(html.contains("<option value=\"99.01.02\" selected>Tanjungsari</option><option value=\"99.01.02.2001\">— Cibodas</option>"))
        #expect(html.contains("<a href=\"/feeds/99.01.02.atom\">"))
        #expect(!html.contains("<script"), "works without scripts")
        let english = list(language: .en, unlisted: 0)
        #expect(english.contains("<html lang=\"en\">") && english.contains("confidential reports in this area")
                && english.contains("href=\"/laporan/41?lang=en\"") && english.contains("name=\"lang\" value=\"en\""))
    }

    @Test func aCountAboveTheCapSaysMoreThanIt() {
        var view = ReportListView(query: PublicReportQuery(limit: 20), reports: [], unlisted: 10_001, areas: [], categories: [], next: nil)
        view.unlistedCap = 10_000
        let html = ReportListPage.render(view, language: .id)
        #expect(html.contains("<strong>&gt; 10000</strong> laporan rahasia") && html.contains("id=\"no-reports\""))
    }

    @Test func aReportsPageShowsItsStatusPlaceTimelineAndPhotosByIdNeverACode() {
        let detail = PublicReportDetail(report: report, timeline: [
            PublicEvent(kind: EventKind(rawValue: "submitted"), at: Self.at, actorRole: ActorRole(rawValue: "citizen"), toStatus: "received",
                        note: nil, noteEN: nil)], photos: [.init(id: 9, purpose: .report)])
        let html = ReportPage.render(detail, language: .id)
        #expect(html.contains("<dd id=\"status\" data-status=\"in_progress\">") && html.contains("Gang Mawar"))
        #expect(html.contains("<a href=\"/laporan?area=99.01.02.2001\">Cibodas, Tanjungsari</a>"))
        #expect(html.contains("<img src=\"/api/v1/photos/9\"") && html.contains("Pengaduan diterima"))
        #expect(!html.contains("/track/") && !html.contains("/api/v1/complaints/"))
    }

    @Test func theFeedIsAtomWithStableIdsLinkingThePublicPages() {
        let xml = AreaFeed.render(area: NamedRegion(code: RegionCode("99.01.02")!, name: "Tanjungsari"), reports: [report],
                                  changes: [41: [PublicEvent(kind: EventKind(rawValue: "claimed"), at: Self.at, actorRole: ActorRole(rawValue: "staff"),
                                                             toStatus: "in_progress", note: "internal\u{1}", noteEN: nil)]],
                                  site: "https://lapor.example.go.id")
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(xml.contains("<id>https://lapor.example.go.id/laporan/41</id>"))
        #expect(xml.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://lapor.example.go.id/laporan/41\"/>"))
        #expect(xml.contains("<updated>2026-12-04T08:26:03Z</updated>") && xml.contains("Sedang ditindaklanjuti"))
        #expect(xml.contains("Banjir &lt;setinggi&gt; lutut") && !xml.contains("internal"), "a status change names its status, not notes")
    }
}
