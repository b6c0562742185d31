import Foundation
import Complaints

/// The citizen's answer to a resolution on the tracking page: what they entered and, when it was
/// refused, why (so the page comes back with their words kept).
public struct FeedbackForm: Sendable {
    public var rating: Int?
    public var reason: String
    /// The refusal's code (`reason_required`, `low_rating_required`, `invalid_rating`, `invalid_transition`).
    public var errorCode: String?

    public init(rating: Int? = nil, reason: String = "", errorCode: String? = nil) {
        self.rating = rating
        self.reason = reason
        self.errorCode = errorCode
    }

    /// The refusal in the citizen's words.
    func errorText(_ language: Language) -> String? {
        switch errorCode {
        case nil: return nil
        case "reason_required": return Strings.feedbackReasonRequired.text(language)
        case "low_rating_required": return Strings.feedbackLowRatingRequired.text(language)
        case "invalid_rating": return Strings.feedbackInvalidRating.text(language)
        case "note_too_long": return Strings.feedbackReasonTooLong.text(language)
        default: return Strings.feedbackNotOpen.text(language)
        }
    }

    /// The form, shown while a resolved case waits for its citizen's answer.
    func render(code: TrackingCode, closesAt: Date?, language: Language) -> String {
        func t(_ key: Strings) -> String { HTML.escape(key.text(language)) }
        let action = "/track/\(code.value)/feedback\(language == .en ? "?lang=en" : "")"
        var html = "<section id=\"feedback\"><h2>\(t(.feedbackTitle))</h2><p class=\"hint\">\(t(.feedbackHint))</p>"
        if let closesAt { html += "<p class=\"hint\">\(t(.feedbackAutoClose)) \(DateText.local(closesAt, language))</p>" }
        if let message = errorText(language) {
            html += "<p class=\"error\" id=\"feedback-error\" role=\"alert\">\(HTML.escape(message))</p>"
        }
        let invalid = errorCode == nil ? "" : " aria-describedby=\"feedback-error\" aria-invalid=\"true\""
        html += "<form method=\"post\" action=\"\(HTML.escape(action))\"><fieldset\(invalid)><legend>\(t(.rating))</legend>"
        let labels: [Strings] = [.rating1, .rating2, .rating3, .rating4, .rating5]
        for (index, label) in labels.enumerated() {
            let value = index + 1
            let checked = rating == value ? " checked" : ""
            html += "<label><input type=\"radio\" name=\"rating\" value=\"\(value)\"\(checked)> \(t(label))</label>"
        }
        html += "</fieldset><label for=\"reason\">\(t(.reason))</label>"
        html += "<p class=\"hint\" id=\"reason-hint\">\(t(.reasonHint))</p>"
        html += "<textarea id=\"reason\" name=\"reason\" rows=\"4\" maxlength=\"2000\" aria-describedby=\"reason-hint\">\(HTML.escape(reason))</textarea>"
        html += "<button type=\"submit\">\(t(.feedbackSubmit))</button></form></section>"
        return html
    }
}
