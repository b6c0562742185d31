import Complaints

extension StaffCasePage {
    /// The request that fans out the case belongs to: what was asked for, the code the reporter
    /// holds, and each agency's part with its status, this case's marked; empty for any other case.
    static func requestSection(_ view: StaffCaseView, language: Language) -> String {
        guard let request = view.request else { return "" }
        let english = language == .en
        let code = view.stored.trackingCode
        func linked(_ target: String) -> String {
            let grouped = HTML.escape(SpokenCode.grouped(target))
            guard target != code, view.requestLinks.contains(target) else { return grouped }
            return "<a href=\"\(StaffFrame.link("/staff/cases/\(target)", language))\">\(grouped)</a>"
        }
        var html = "<section id=\"request\"><h2>\(english ? "Combined request" : "Permohonan gabungan")</h2>"
        html += "<p>\(HTML.escape(request.typeName(language))) · "
        html += "\(english ? "the reporter's code" : "kode pelapor"): <span id=\"request-code\">\(linked(request.trackingCode))</span></p>"
        html += "<p class=\"internal\">" + (english
            ? "Each agency works its own part; the reporter follows the request by its one code and reads each part's public notes there."
            : "Tiap instansi mengerjakan bagiannya sendiri; pelapor memantau permohonan dengan satu kode dan membaca catatan publik tiap bagian di sana.")
            + "</p><ul id=\"request-parts\">"
        for part in request.parts {
            let own = part.trackingCode == code ? (english ? " (this case)" : " (kasus ini)") : ""
            html += "<li data-agency=\"\(HTML.escape(part.agency))\" data-status=\"\(part.status.rawValue)\">"
            html += "<strong>\(HTML.escape(part.agencyName(language)))</strong>: \(HTML.escape(part.status.label(language)))"
            html += " — \(linked(part.trackingCode))\(own)</li>"
        }
        return html + "</ul></section>"
    }
}
