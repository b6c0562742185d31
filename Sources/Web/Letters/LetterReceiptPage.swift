import Complaints
import Foundation

/// `GET /staff/letters/{code}/receipt`: the receipt the village front office prints for the
/// applicant: the tracking code in large type, the letter type, when it was received and by when it
/// is expected, and how to follow it (the address of its position, or at the village office). No
/// data of the applicant beyond their name. Prints on one page without the staff frame's header.
public enum LetterReceiptPage {
    /// - Parameter trackingURL: the absolute address of the letter's public position.
    public static func render(session: StaffSession, sheet: LetterSheet, trackingURL: String, language: Language) -> String {
        func t(_ key: LetterStrings) -> String { HTML.escape(key.text(language)) }
        let letter = sheet.letter
        var body = "<section id=\"receipt\" class=\"receipt\"><h1>\(t(.receiptTitle))</h1>"
        body += "<p>\(HTML.escape(sheet.villageName))</p>"
        body += "<p>\(t(.receiptCode)):<br><span class=\"code receipt-code\" id=\"tracking-code\" data-code=\"\(letter.code)\">"
        body += "\(HTML.escape(TrackingCode(parsing: letter.code)?.grouped ?? letter.code))</span></p>"
        body += "<p><strong>\(t(.receiptKeep))</strong></p>"
        body += "<dl><dt>\(t(.type))</dt><dd>\(HTML.escape(sheet.typeName))</dd>"
        body += "<dt>\(t(.applicant))</dt><dd>\(HTML.escape(sheet.applicant["name"] ?? "-"))</dd>"
        body += "<dt>\(t(.receiptEntered))</dt><dd>\(DateText.local(sheet.createdAt, language))</dd>"
        body += "<dt>\(t(.receiptDue))</dt><dd>\(DateText.local(letter.dueAt, language))</dd>"
        body += "<dt>\(t(.step))</dt><dd>\(HTML.escape(letter.step.label(language)))</dd></dl>"
        body += "<h2>\(t(.receiptFollow))</h2><ol id=\"follow\">"
        body += "<li>\(t(.receiptFollowOnline))<br><span class=\"url\" id=\"tracking-url\">\(HTML.escape(trackingURL))</span></li>"
        body += "<li>\(t(.receiptFollowOffice))</li></ol></section>"
        body += "<p class=\"no-print\"><button type=\"button\" id=\"print\" data-print hidden>\(t(.print))</button> "
        if letter.step == .ready { body += "<a id=\"pdf-link\" href=\"/api/v1/letters/\(letter.code)/pdf\">\(t(.pdf))</a> · " }
        body += "<a id=\"next-entry\" href=\"\(LetterText.link("/staff/letters/new", language))\">\(t(.nextEntry))</a></p>"
        body += "<script src=\"\(FormScript.path)\" defer></script>"
        return StaffFrame.page(title: LetterStrings.receiptTitle.text(language), language: language, session: session,
                               path: "/staff/letters/\(letter.code)/receipt", body: body)
    }
}
