import Complaints
import Foundation

extension TrackingView {
    /// One agency's part of a request that fans out, as the citizen follows it.
    public struct Part: Sendable, Equatable {
        public let agencyName: String
        public let status: ComplaintStatus
        public let dueAt: Date?

        public init(agencyName: String, status: ComplaintStatus, dueAt: Date?) {
            self.agencyName = agencyName
            self.status = status
            self.dueAt = dueAt
        }
    }
}

extension TrackingPage {
    /// Each agency's progress on a request that fans out: its name, its status and its deadline.
    static func partsSection(_ view: TrackingView, language: Language) -> String {
        guard !view.parts.isEmpty else { return "" }
        let english = language == .en
        var html = "<section id=\"parts\"><h2>\(english ? "Progress at each agency" : "Kemajuan di tiap instansi")</h2><ul>"
        for part in view.parts {
            html += "<li class=\"part\" data-status=\"\(part.status.rawValue)\"><strong>\(HTML.escape(part.agencyName))</strong>: "
            html += HTML.escape(part.status.label(language))
            if let due = part.dueAt {
                html += " (\(english ? "due" : "batas waktu") \(DateText.local(due, language)))"
            }
            html += "</li>"
        }
        return html + "</ul></section>"
    }
}
