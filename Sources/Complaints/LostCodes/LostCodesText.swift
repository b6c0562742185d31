import Foundation

/// The words of a lost-code message: the codes of the contact's cases, newest first, each with its
/// status and tracking link; a confidential case with nothing more. Pure, like `ReporterNoticeText`.
public struct LostCodesText: Sendable, Equatable {
    public let subject: String
    public let body: String

    /// - Parameter site: the site's absolute URL without a trailing slash.
    public init(_ codes: [LostCode], language: Language, site: String, utcOffset: Int = 7 * 3600) {
        let english = language == .en
        subject = english ? "Your tracking codes" : "Kode pelacakan Anda"
        var lines = [english ? "You asked for the tracking codes of your complaints of the last 12 months:"
                             : "Anda meminta kode pelacakan pengaduan Anda selama 12 bulan terakhir:"]
        for code in codes {
            var line = "- \(code.trackingCode): \(code.status.label(language))"
            if !code.confidential {
                let filed = ReporterNoticeText.date(code.filedAt, language: language, utcOffset: utcOffset)
                line += " (" + [code.categoryName, filed].compactMap { $0 }.joined(separator: ", ") + ")"
            }
            lines.append(line)
            lines.append("  " + site + "/track/" + code.trackingCode + (english ? "?lang=en" : ""))
        }
        lines.append(english ? "If you did not ask for this, you may ignore this message."
                             : "Bila Anda tidak memintanya, abaikan pesan ini.")
        body = lines.joined(separator: "\n")
    }
}
