import Complaints
import Foundation

/// What the citizen's tracking page of a letter shows: where it is and what happened, by position
/// and time. It holds no name, no applicant data and no note, so the page cannot show them.
public struct LetterTrackingView: Sendable {
    public struct Step: Sendable {
        public let to: LetterStep
        /// The position that took the step (nil for the hub itself).
        public let position: LetterPosition?
        public let at: Date

        public init(to: LetterStep, position: LetterPosition?, at: Date) {
            self.to = to
            self.position = position
            self.at = at
        }
    }

    public let letter: Letter
    public let typeName: String
    public let steps: [Step]

    public init(letter: Letter, typeName: String, steps: [Step]) {
        self.letter = letter
        self.typeName = typeName
        self.steps = steps
    }
}

/// `GET /letters/{code}` (public; the code on the receipt is the credential): the letter's type,
/// the desk that holds it and since when, by when that step and the letter are due, each step with
/// its time, and once ready where to take it and its PDF. Indonesian first.
public enum LetterTrackingPage {
    public static func render(_ view: LetterTrackingView, now: Date = Date(), language: Language) -> String {
        func t(_ key: LetterStrings) -> String { HTML.escape(key.text(language)) }
        let letter = view.letter
        var body = "<h1>\(t(.trackTitle))</h1><p>\(t(.receiptCode)): <span class=\"code\" id=\"tracking-code\">"
        body += "\(HTML.escape(TrackingCode(parsing: letter.code)?.grouped ?? letter.code))</span></p>"
        switch letter.step {
        case .ready:
            body += "<p class=\"notice\" id=\"letter-ready\">\(t(.trackReady)) <a id=\"pdf-link\" href=\"/api/v1/letters/\(letter.code)/pdf\">"
                + "\(t(.pdf))</a></p>"
        case .rejected:
            body += "<p class=\"error\" id=\"letter-rejected\">\(t(.trackRejected))</p>"
        default:
            break
        }
        body += "<dl id=\"position\"><dt>\(t(.type))</dt><dd>\(HTML.escape(view.typeName))</dd>"
        body += "<dt>\(t(.status))</dt><dd id=\"status\" data-status=\"\(letter.step.rawValue)\">\(HTML.escape(letter.step.label(language)))</dd>"
        if !letter.step.isFinal {
            body += "<dt>\(t(.trackDesk))</dt><dd id=\"desk\">\(HTML.escape(letter.step.position?.label(language) ?? "-"))</dd>"
            body += "<dt>\(t(.since))</dt><dd><time>\(DateText.local(letter.stepSince, language))</time></dd>"
            body += "<dt>\(t(.stepDue))</dt><dd>\(LetterText.stepDue(letter, now: now, language))</dd>"
            body += "<dt>\(t(.letterDue))</dt><dd><time>\(DateText.local(letter.dueAt, language))</time></dd>"
        }
        body += "</dl><h2>\(t(.history))</h2><ol id=\"history\">"
        for step in view.steps {
            body += "<li><time>\(DateText.local(step.at, language))</time> \(HTML.escape(step.position?.label(language) ?? "-")): "
                + "\(HTML.escape(step.to.label(language)))</li>"
        }
        body += "</ol><p class=\"hint\">\(t(.trackOffice))</p>"
        return Layout.page(title: LetterStrings.trackTitle.text(language), language: language, switchPath: "/letters/\(letter.code)", body: body)
    }

    /// The page for a code no letter has (the same whatever the code).
    public static func notFound(language: Language) -> String {
        Layout.page(title: LetterStrings.trackTitle.text(language), language: language, switchPath: "/track",
                    body: "<h1>\(HTML.escape(LetterStrings.trackTitle.text(language)))</h1>"
                        + "<p class=\"error\">\(HTML.escape(Refusal.letterNotFound.message(language)))</p>")
    }
}
