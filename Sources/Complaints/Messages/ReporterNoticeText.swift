import Foundation

/// The words a reporter receives for a notice: a subject and a text, in Indonesian or, when they
/// filed in English, in English. Pure: the sender passes what it looked up (the agency's public name,
/// the site's address). Never a staff member's name (a notice carries none), never the text of a
/// confidential case (a notice of one carries none): its status and its link only.
public struct ReporterNoticeText: Sendable, Equatable {
    /// The email's subject.
    public let subject: String
    /// The message: the email's body, and the text message.
    public let body: String

    /// - Parameters:
    ///   - agencyName: the public name of the agency the notice names (taken in, moved), in `language`.
    ///   - site: the site's absolute URL without a trailing slash (`https://lapor.example.go.id`).
    ///   - utcOffset: the region's offset from UTC, for deadlines (WIB by default).
    public init(_ notice: ReporterNotice, language: Language, agencyName: String?, site: String, utcOffset: Int = 7 * 3600) {
        let code = notice.trackingCode
        let english = language == .en
        let link = site + "/track/" + code + (english ? "?lang=en" : "")
        let agency = agencyName ?? notice.agency ?? (english ? "the agency" : "instansi")
        let due = notice.dueAt.map { Self.date($0, language: language, utcOffset: utcOffset) }
        var lines: [String]
        switch (notice.notice, english) {
        case (.received, false):
            subject = "Pengaduan Anda diterima: \(code)"
            lines = ["Pengaduan Anda sudah kami terima.", "Kode pelacakan: \(code)",
                     "Simpan kode ini: hanya dengan kode ini Anda dapat memantau pengaduan Anda."]
        case (.received, true):
            subject = "Your complaint was received: \(code)"
            lines = ["We have received your complaint.", "Tracking code: \(code)",
                     "Keep this code: it is the only way to follow your complaint."]
        case (.takenIn, false):
            subject = "Pengaduan \(code) diterima oleh \(agency)"
            lines = ["\(agency) telah menerima pengaduan Anda untuk ditindaklanjuti."]
            if let due { lines.append("Tahap berikutnya paling lambat \(due).") }
        case (.takenIn, true):
            subject = "Complaint \(code) taken in by \(agency)"
            lines = ["\(agency) has taken in your complaint to act on it."]
            if let due { lines.append("The next step is due by \(due).") }
        case (.note, false):
            subject = "Kabar baru tentang pengaduan \(code)"
            lines = [notice.note.map { "Catatan petugas: \($0)" } ?? "Ada kabar baru tentang pengaduan Anda."]
        case (.note, true):
            subject = "News about complaint \(code)"
            lines = [notice.note.map { "The officer's note: \($0)" } ?? "There is news about your complaint."]
        case (.resolved, false):
            subject = "Pengaduan \(code) selesai ditindaklanjuti"
            lines = ["Petugas menyatakan pengaduan Anda selesai ditindaklanjuti."]
            if let note = notice.note { lines.append("Penyelesaian: \(note)") }
            lines.append("Beri penilaian atas penyelesaiannya, atau buka kembali bila belum selesai: \(link)#feedback")
        case (.resolved, true):
            subject = "Complaint \(code) resolved"
            lines = ["The officer reports that your complaint has been resolved."]
            if let note = notice.note { lines.append("Resolution: \(note)") }
            lines.append("Rate the resolution, or reopen the complaint if it is not resolved: \(link)#feedback")
        case (.reopened, false):
            subject = "Pengaduan \(code) dibuka kembali"
            lines = ["Pengaduan Anda dibuka kembali dan akan ditindaklanjuti lagi."]
        case (.reopened, true):
            subject = "Complaint \(code) reopened"
            lines = ["Your complaint has been reopened and will be acted on again."]
        case (.moved, false):
            subject = "Pengaduan \(code) dialihkan ke \(agency)"
            lines = ["Pengaduan Anda dialihkan ke \(agency), yang berwenang menanganinya."]
        case (.moved, true):
            subject = "Complaint \(code) moved to \(agency)"
            lines = ["Your complaint has been moved to \(agency), which is responsible for it."]
        case (.rejected, false):
            subject = "Pengaduan \(code) ditolak"
            lines = ["Pengaduan Anda tidak dapat ditindaklanjuti."]
            if let note = notice.note { lines.append("Alasan: \(note)") }
        case (.rejected, true):
            subject = "Complaint \(code) rejected"
            lines = ["Your complaint cannot be acted on."]
            if let note = notice.note { lines.append("Reason: \(note)") }
        case (.closed, false):
            subject = "Pengaduan \(code) ditutup"
            lines = ["Pengaduan Anda telah ditutup. Terima kasih atas laporan Anda."]
        case (.closed, true):
            subject = "Complaint \(code) closed"
            lines = ["Your complaint has been closed. Thank you for your report."]
        case (.progressed, false):
            subject = "Kemajuan permohonan \(code)"
            lines = ["Permohonan Anda ditangani oleh beberapa instansi. Kemajuan tiap instansi dapat dilihat di halaman pelacakan."]
            if let note = notice.note { lines.append("Kabar dari instansi: \(note)") }
        case (.progressed, true):
            subject = "Progress on request \(code)"
            lines = ["Your request is handled by several agencies. Each agency's progress is on the tracking page."]
            if let note = notice.note { lines.append("From the agency: \(note)") }
        case (.question, false):
            subject = "Petugas bertanya tentang pengaduan \(code)"
            lines = [notice.note.map { "Pertanyaan petugas: \($0)" } ?? "Petugas mengajukan pertanyaan tentang pengaduan Anda."]
            // A question queued before its notice carried the level names no number rather than a wrong one.
            let within = notice.answerWithin.map { "dalam \($0) hari kerja " } ?? ""
            lines.append("Jawab \(within)di \(link)#reply, atau balas pesan singkat ini dengan: \(code) jawaban Anda")
        case (.question, true):
            subject = "The officer has a question about complaint \(code)"
            lines = [notice.note.map { "The officer's question: \($0)" } ?? "The officer has a question about your complaint."]
            let within = notice.answerWithin.map { "within \($0) working days " } ?? ""
            lines.append("Answer \(within)at \(link)#reply, or reply to this text message with: \(code) your answer")
        }
        lines.append("Status: " + notice.status.label(language))
        lines.append((english ? "Follow it at " : "Pantau di ") + link)
        body = lines.joined(separator: "\n")
    }

    private static let monthsID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                                   "Oktober", "November", "Desember"]
    private static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                   "October", "November", "December"]

    /// A day as the reporter reads it, in the region's local time: `5 Desember 2026`, `5 December 2026`.
    static func date(_ date: Date, language: Language, utcOffset: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: utcOffset) ?? TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let months = language == .en ? monthsEN : monthsID
        return "\(parts.day ?? 1) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970)"
    }
}
