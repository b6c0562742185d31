import Complaints
import Foundation

/// The reporter's answer to the officer's question on the tracking page: the question, the form, and
/// when the answer was refused, why (the page comes back with their words kept).
public struct ReplyForm: Sendable {
    public var text: String
    /// The refusal's code (`reply_required`, `note_too_long`, a photo's code, `invalid_transition`).
    public var errorCode: String?
    /// The refusal's own words, for codes the form has none for (a refused photo).
    public var errorMessage: String?

    public init(text: String = "", errorCode: String? = nil, errorMessage: String? = nil) {
        self.text = text
        self.errorCode = errorCode
        self.errorMessage = errorMessage
    }

    func errorText(_ language: Language) -> String? {
        switch errorCode {
        case nil: return nil
        case "reply_required": return ReplyStrings.required.text(language)
        case "note_too_long": return ReplyStrings.tooLong.text(language)
        case "invalid_transition": return ReplyStrings.notOpen.text(language)
        default: return errorMessage ?? ReplyStrings.notOpen.text(language)
        }
    }

    /// The field a refusal is fixed in: the photos for a photo's refusal, the answer otherwise; none
    /// when nothing is refused or the form is not there to fix (`invalid_transition`: the case is over).
    var field: String? {
        guard let errorCode, errorCode != "invalid_transition" else { return nil }
        return PhotoProblem(rawValue: errorCode) != nil || errorCode == PhotoQuotaExceeded.code ? "reply-photos" : "reply-text"
    }

    /// The list of what to fix, for the top of the page: the refusal, linking to its field.
    func summary(_ language: Language) -> ErrorSummary {
        guard let field, let message = errorText(language) else { return ErrorSummary(errors: [:], order: []) }
        return ErrorSummary(errors: [field: message], order: ["reply-text", "reply-photos"])
    }

    /// The section, shown while the case waits for the reporter: the latest question and the form.
    func render(code: TrackingCode, question: String?, answerBy: Date?, language: Language) -> String {
        func t(_ key: ReplyStrings) -> String { HTML.escape(key.text(language)) }
        let action = "/track/\(code.value)/replies\(language == .en ? "?lang=en" : "")"
        var html = "<section id=\"reply\"><h2>\(t(.title))</h2>"
        if let question { html += "<blockquote id=\"question\" class=\"text\">\(HTML.escape(question))</blockquote>" }
        html += "<p class=\"hint\">\(t(.hint))</p>"
        if let answerBy { html += "<p class=\"hint\">\(t(.answerBy)) \(DateText.local(answerBy, language))</p>" }
        if let message = errorText(language) {
            html += "<p class=\"error\" id=\"reply-error\" role=\"alert\">\(HTML.escape(message))</p>"
        }
        let summary = summary(language)
        func marked(_ name: String) -> String {
            name == field ? " aria-describedby=\"reply-error\" aria-invalid=\"true\"\(summary.autofocus(name))" : ""
        }
        // The hub's own refusal, beside the field and listed at the top, rather than the browser's bubble.
        html += "<form method=\"post\" action=\"\(HTML.escape(action))\" enctype=\"multipart/form-data\" novalidate>"
        html += "<label for=\"reply-text\">\(t(.answer))</label>"
        html += "<textarea id=\"reply-text\" name=\"text\" rows=\"5\" maxlength=\"\(Lifecycle.maxNoteLength)\" required\(marked("reply-text"))>\(HTML.escape(text))</textarea>"
        html += "<label for=\"reply-photos\">\(t(.photos))</label>"
        html += "<input id=\"reply-photos\" name=\"photos\" type=\"file\" accept=\"image/jpeg,image/png,image/webp\" multiple\(marked("reply-photos"))>"
        html += "<button type=\"submit\">\(t(.submit))</button></form></section>"
        return html
    }
}

/// The words of answering on the tracking page, Indonesian first.
enum ReplyStrings: Sendable {
    case title, hint, answerBy, answer, photos, submit, thanks, required, tooLong, notOpen

    func text(_ language: Language) -> String {
        let pair: (String, String)
        switch self {
        case .title: pair = ("Petugas menunggu jawaban Anda", "The officer is waiting for your answer")
        case .hint: pair = ("Jawaban Anda hanya dibaca petugas dan tidak tampil di halaman publik.",
                            "Only the officer reads your answer; it is not shown on the public page.")
        case .answerBy: pair = ("Jawab paling lambat:", "Answer by:")
        case .answer: pair = ("Jawaban Anda (paling banyak 4.000 karakter)", "Your answer (at most 4,000 characters)")
        case .photos: pair = ("Foto pendukung (paling banyak 3)", "Supporting photos (at most 3)")
        case .submit: pair = ("Kirim jawaban", "Send answer")
        case .thanks: pair = ("Terima kasih, jawaban Anda sudah diterima petugas.", "Thank you, the officer has received your answer.")
        case .required: pair = ("Tuliskan jawaban Anda.", "Write your answer.")
        case .tooLong: pair = ("Jawaban paling banyak 4.000 karakter.", "The answer has at most 4,000 characters.")
        case .notOpen: pair = ("Pengaduan ini sudah selesai dan tidak menerima jawaban lagi.", "This complaint is over and takes no more answers.")
        }
        return language == .en ? pair.1 : pair.0
    }
}
