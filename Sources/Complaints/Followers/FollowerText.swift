/// The words a follower receives, in their language: the confirmation of a follow, and the news of a
/// followed case. Never a staff member's name (a notice carries none), only what the public view shows;
/// the case is named by its public id and public page (`/laporan/{id}`), never by its tracking code
/// (the reporter's own handle); every message ends with the link that stops them.
public struct FollowerText: Sendable, Equatable {
    public let subject: String
    public let body: String

    /// The mail that asks to confirm a follow.
    /// - Parameters:
    ///   - report: the followed case's public id.
    ///   - confirmLink: the absolute link that starts the following.
    public init(confirming report: Int64, language: Language, confirmLink: String) {
        if language == .en {
            subject = "Confirm: follow report #\(report)"
            body = ["Someone (we hope you) asked to follow report #\(report) with this address.",
                    "Open this link and press its button to start receiving its news: \(confirmLink)",
                    "If you did not ask, ignore this message: nothing will be sent."].joined(separator: "\n")
        } else {
            subject = "Konfirmasi: mengikuti laporan #\(report)"
            body = ["Seseorang (semoga Anda) meminta mengikuti laporan #\(report) dengan alamat ini.",
                    "Buka tautan ini lalu tekan tombolnya untuk mulai menerima kabarnya: \(confirmLink)",
                    "Bila Anda tidak memintanya, abaikan pesan ini: tidak akan ada kiriman."].joined(separator: "\n")
        }
    }

    /// The news of a followed case.
    /// - Parameters:
    ///   - agencyName: the public name of the agency the notice names, in `language`.
    ///   - site: the site's absolute URL without a trailing slash.
    ///   - unsubscribeLink: the absolute link that ends the following.
    public init(_ notice: ReporterNotice, language: Language, agencyName: String?, site: String, unsubscribeLink: String) {
        let report = notice.complaintID
        let english = language == .en
        let agency = agencyName ?? notice.agency ?? (english ? "the agency" : "instansi")
        let status = notice.status.label(language)
        subject = english ? "Report #\(report) you follow: \(status)" : "Laporan #\(report) yang Anda ikuti: \(status)"
        var lines: [String]
        switch (notice.notice, english) {
        case (.received, false), (.takenIn, false): lines = ["Pengaduan ini diterima oleh \(agency) untuk ditindaklanjuti."]
        case (.received, true), (.takenIn, true): lines = ["\(agency) has taken in this complaint to act on it."]
        case (.note, false): lines = ["Ada kabar baru dari petugas."]
        case (.note, true): lines = ["There is news from the officer."]
        case (.resolved, false): lines = ["Petugas menyatakan pengaduan ini selesai ditindaklanjuti."]
        case (.resolved, true): lines = ["The officer reports that this complaint has been resolved."]
        case (.reopened, false): lines = ["Pengaduan ini dibuka kembali."]
        case (.reopened, true): lines = ["This complaint has been reopened."]
        case (.moved, false): lines = ["Pengaduan ini dialihkan ke \(agency)."]
        case (.moved, true): lines = ["This complaint has been moved to \(agency)."]
        case (.rejected, false): lines = ["Pengaduan ini tidak dapat ditindaklanjuti."]
        case (.rejected, true): lines = ["This complaint cannot be acted on."]
        case (.closed, false): lines = ["Pengaduan ini telah ditutup."]
        case (.closed, true): lines = ["This complaint has been closed."]
        case (.progressed, false): lines = ["Permohonan ini ditangani beberapa instansi; kemajuannya ada di halaman laporan."]
        case (.progressed, true): lines = ["Several agencies handle this request; their progress is on the report's page."]
        case (.question, false): lines = ["Petugas mengajukan pertanyaan kepada pelapor."]
        case (.question, true): lines = ["The officer asked the reporter a question."]
        }
        if let note = notice.note { lines.append((english ? "Note: " : "Catatan: ") + note) }
        lines.append("Status: " + status)
        lines.append((english ? "Follow it at " : "Pantau di ") + site + "/laporan/\(report)" + (english ? "?lang=en" : ""))
        lines.append((english ? "Stop these messages: " : "Berhenti menerima kabar ini: ") + unsubscribeLink)
        body = lines.joined(separator: "\n")
    }
}
