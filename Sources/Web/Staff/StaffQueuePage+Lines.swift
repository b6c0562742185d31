import Complaints
import Foundation

extension StaffQueuePage {
    /// The queue's table: a line per case with a snippet of the complaint, its age and who holds it.
    static func lines(_ listing: StaffQueueListing, session: StaffSession, categories: [Category], language: Language,
                      now: Date) -> String {
        func t(_ key: StaffStrings) -> String { HTML.escape(key.text(language)) }
        func w(_ key: QueueWords) -> String { HTML.escape(key.text(language)) }
        var table = "<table id=\"queue\"><thead><tr><th>\(t(.code))</th><th>\(w(.summary))</th><th>\(t(.category))</th>"
        table += "<th>\(t(.statusLabel))</th><th>\(t(.priority))</th><th>\(t(.area))</th><th>\(w(.age))</th><th>\(w(.holder))</th>"
        table += "<th>\(t(.due))</th></tr></thead><tbody>"
        for entry in listing.entries {
            let stored = entry.stored
            let late = stored.dueAt.map { $0 < now } ?? false
            let area = [stored.kelurahan, stored.kecamatan].compactMap { $0 }.joined(separator: ", ")
            let mine = stored.assignedTo == session.account.id ? " <em>(\(t(.assignedToYou)))</em>" : ""
            table += "<tr data-code=\"\(stored.trackingCode)\"><td><a href=\"\(StaffFrame.link("/staff/cases/\(stored.trackingCode)", language))\">"
            table += "\(HTML.escape(SpokenCode.grouped(stored.trackingCode)))</a>\(mine)</td>"
            table += "<td class=\"snippet\">\(HTML.escape(entry.snippet))</td>"
            table += "<td>\(HTML.escape(categories.first { $0.code == stored.category }?.name(language) ?? stored.category))</td>"
            table += "<td>\(HTML.escape(stored.status.label(language)))\(stored.inspectorate ? " · " + t(.inspectorateCase) : "")"
            table += "\(answeringMarker(stored, language))</td>"
            table += "<td>\(HTML.escape(PriorityText.label(stored.priority, language)))</td><td>\(HTML.escape(area))</td>"
            table += "<td class=\"age\" title=\"\(DateText.local(stored.createdAt, language))\">\(QueueWords.age(since: stored.createdAt, now: now, language))</td>"
            table += "<td class=\"holder\">\(entry.holder.map(HTML.escape) ?? "<span class=\"internal\">\(w(.nobody))</span>")</td>"
            table += "<td\(late ? " class=\"late\"" : "")>\(stored.dueAt.map { DateText.local($0, language) } ?? "—")\(late ? " " + t(.overdue) : "")</td></tr>"
        }
        table += "</tbody></table>"
        if listing.entries.isEmpty { table += "<p>\(t(.noCases))</p>" }
        return table
    }

    /// "1–50 dari N" and the links to the pages before and after, which keep the rest of the query.
    static func paging(_ listing: StaffQueueListing, language: Language) -> String {
        func w(_ key: QueueWords) -> String { HTML.escape(key.text(language)) }
        let page = listing.page, total = listing.counts.total
        let first = listing.entries.isEmpty ? 0 : page.offset + 1, last = page.offset + listing.entries.count
        var nav = "<nav class=\"pages\" aria-label=\"\(w(.pages))\"><p id=\"range\">\(first)–\(last) \(w(.of)) \(QueueCounts.text(total))</p>"
        func link(to number: Int, _ word: QueueWords, rel: String) -> String {
            var items = listing.query.filter { $0.name != "page" && $0.name != "code" }
            items.append(("page", "\(number)"))
            let query = items.map { "\(queryEscape($0.name))=\(queryEscape($0.value))" }.joined(separator: "&")
            return "<a rel=\"\(rel)\" href=\"/staff/?\(HTML.escape(query))\">\(w(word))</a> "
        }
        if page.number > 1 { nav += link(to: page.number - 1, .previous, rel: "prev") }
        if last < total, page.number < QueuePage.lastNumber { nav += link(to: page.number + 1, .next, rel: "next") }
        return nav + "</nav>"
    }
}
