import Complaints
import Foundation
import Testing
@testable import Web

/// The queue as an officer works it: a snippet, the age and the holder of each case, the holder
/// filter, the order, the search box and "1–50 dari N" with links to the next page.
struct StaffQueuePageWorkingTests {
    let now = Sample.at.addingTimeInterval(3 * 86_400)

    func render(_ listing: StaffQueueListing, account: Account = Sample.account(), language: Language = .id) -> String {
        StaffQueuePage.render(session: Sample.session(account), listing: listing, categories: Sample.categories,
                              subUnits: Sample.subUnits, language: language, now: now)
    }

    @Test func eachLineShowsASnippetTheAgeAndWhoHoldsTheCase() {
        let long = Sample.stored(code: "ABCDEFGHJKMNP", description: String(repeating: "Lampu jalan mati total ", count: 20))
        let html = render(StaffQueueListing(entries: [QueueEntry(long, holder: "Budi Santoso")], counts: QueueCounts(total: 1),
                                            filter: QueueFilter(module: .publicWorks)))
        let snippet = QueueEntry(long, holder: nil).snippet
        #expect(snippet.count <= QueueEntry.snippetLength + 1 && snippet.hasSuffix("…") && snippet.hasPrefix("Lampu jalan mati total"))
        #expect(html.contains("<td class=\"snippet\">\(snippet)</td>"))
        #expect(html.contains(">3 hari</td>"), "the sample case was made three days before now")
        #expect(html.contains("<td class=\"holder\">Budi Santoso</td>"))
    }

    @Test func aCaseNobodyHoldsSaysSo() {
        let html = render(StaffQueueListing(entries: [QueueEntry(Sample.stored(), holder: nil)], counts: QueueCounts(total: 1),
                                            filter: QueueFilter(module: .publicWorks)))
        #expect(html.contains("<td class=\"holder\"><span class=\"internal\">belum ada</span></td>"))
    }

    @Test func theHolderFilterTheOrderAndTheSearchShowWhatWasAskedFor() throws {
        let account = Sample.account()
        let filter = QueueFilter(module: .publicWorks, search: try QueueSearch("lampu mati"), assignee: .account(account.id))
        let html = render(StaffQueueListing(entries: [], counts: QueueCounts(), filter: filter, order: .age), account: account)
        #expect(html.contains("<option value=\"me\" selected>Milik saya</option>"))
        #expect(html.contains("<option value=\"none\">Belum dipegang</option>"))
        #expect(html.contains("<option value=\"age\" selected>Paling lama menunggu</option>"))
        #expect(html.contains("<input id=\"q\" name=\"q\" type=\"search\" minlength=\"3\" maxlength=\"200\" value=\"lampu mati\""))
        let unassigned = render(StaffQueueListing(entries: [], counts: QueueCounts(), filter: QueueFilter(module: .publicWorks, assignee: .nobody)))
        #expect(unassigned.contains("<option value=\"none\" selected>Belum dipegang</option>"))
    }

    @Test func pagingSaysWhichCasesOfHowManyAndLinksOnKeepingTheQuery() throws {
        let entries = (0..<50).map { _ in QueueEntry(Sample.stored(), holder: nil) }
        let listing = StaffQueueListing(entries: entries, counts: QueueCounts(total: QueueCounts.cap + 1), filter: QueueFilter(module: .publicWorks),
                                        page: try QueuePage(size: 50, number: 2),
                                        query: [("q", "lampu mati"), ("page", "2"), ("assignee", "none")])
        let html = render(listing)
        #expect(html.contains("<p id=\"range\">51–100 dari 1000+</p>"))
        #expect(html.contains("<a rel=\"prev\" href=\"/staff/?q=lampu%20mati&amp;assignee=none&amp;page=1\">"))
        #expect(html.contains("<a rel=\"next\" href=\"/staff/?q=lampu%20mati&amp;assignee=none&amp;page=3\">"))
    }

    @Test func theLastPageLinksBackOnly() {
        let listing = StaffQueueListing(entries: [QueueEntry(Sample.stored(), holder: nil)], counts: QueueCounts(total: 1),
                                        filter: QueueFilter(module: .publicWorks))
        let html = render(listing, language: .en)
        #expect(html.contains("<p id=\"range\">1–1 of 1</p>"))
        #expect(!html.contains("rel=\"next\"") && !html.contains("rel=\"prev\""))
    }

    @Test func theAreaFilterOffersEachKecamatanWithItsDesaByName() {
        let regions = [("99.01.02", "Tanjungsari"), ("99.01.01.2001", "Sukamaju"), ("99.01.01", "Sukamaju"), ("99.01.01.1002", "Mekarsari"),
                       ("99.01.02.2001", "Cibodas")].map { NamedRegion(code: RegionCode($0.0)!, name: $0.1) }
        let html = render(StaffQueueListing(entries: [], counts: QueueCounts(), filter: QueueFilter(module: .publicWorks, area: RegionCode("99.01.01.1002")),
                                            areas: RegionDirectory(regions: regions)))
        #expect(html.contains("<select id=\"area\" name=\"area\"><option value=\"\">"))
        #expect(html.contains("<optgroup label=\"Kecamatan Sukamaju\"><option value=\"99.01.01\">Sukamaju (seluruh kecamatan)</option>"
                              + "<option value=\"99.01.01.1002\" selected>Mekarsari</option><option value=\"99.01.01.2001\">Sukamaju</option></optgroup>"
                              + "<optgroup label=\"Kecamatan Tanjungsari\"><option value=\"99.01.02\">Tanjungsari (seluruh kecamatan)</option>"
                              + "<option value=\"99.01.02.2001\">Cibodas</option></optgroup></select>"))
    }

    @Test func noAreaFilterWithoutKnownRegions() {
        let html = render(StaffQueueListing(entries: [], counts: QueueCounts(), filter: QueueFilter(module: .publicWorks)))
        #expect(!html.contains("name=\"area\""))
    }
}
