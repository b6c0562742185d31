import Complaints

/// `GET /staff/desk/receipts/{code}`: the receipt printed for a visitor whose complaint staff
/// entered: the tracking code in large type, what happens next, and how to follow it (the tracking
/// address, by phone or at the desk, the messages the hub sends). Prints on one page without the
/// staff frame's header (print CSS).
public enum DeskReceiptPage {
    /// - Parameters:
    ///   - view: the case's public view (nothing about the visitor).
    ///   - trackingURL: the absolute address of the case's tracking page.
    public static func render(session: StaffSession, view: TrackingView, confirmation: CaseConfirmation, trackingURL: String,
                              language: Language) -> String {
        func t(_ key: DeskStrings) -> String { HTML.escape(key.text(language)) }
        let code = view.trackingCode
        var body = "<section id=\"receipt\" class=\"receipt\"><h1>\(t(.receiptTitle))</h1>"
        body += "<p>\(HTML.escape(Strings.trackingCode.text(language))):<br>"
        body += "<span class=\"code receipt-code\" id=\"tracking-code\" data-code=\"\(code.value)\">\(HTML.escape(code.grouped))</span></p>"
        body += "<p><strong>\(t(.receiptKeep))</strong></p>"
        body += "<dl><dt>\(t(.receivedAt))</dt><dd>\(DateText.local(view.createdAt, language))</dd>"
        body += "<dt>\(HTML.escape(Strings.category.text(language)))</dt><dd>\(HTML.escape(view.categoryName))</dd></dl>"
        body += confirmation.render(language)
        body += "<h2>\(t(.followTitle))</h2><ol id=\"follow\">"
        body += "<li>\(t(.followOnline))<br><span class=\"url\" id=\"tracking-url\">\(HTML.escape(trackingURL))</span></li>"
        body += "<li>\(t(.followByPhone))</li></ol></section>"
        body += "<p class=\"no-print\"><button type=\"button\" id=\"print\" data-print hidden>\(t(.print))</button> "
        body += "<a id=\"next-entry\" href=\"\(StaffFrame.link("/staff/desk", language))\">\(t(.nextEntry))</a></p>"
        body += "<script src=\"\(FormScript.path)\" defer></script>"
        return StaffFrame.page(title: DeskStrings.receiptTitle.text(language), language: language, session: session,
                               path: "/staff/desk/receipts/\(code.value)", body: body)
    }
}
