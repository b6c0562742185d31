import Complaints
import Foundation

/// `GET /staff/letters`: the letters waiting on my desk, soonest step deadline first: code, type,
/// applicant, village, step, since when and the step's deadline (overdue marked); `?all=true`
/// every letter I may see.
public enum LetterQueuePage {
    public static func render(session: StaffSession, letters: [LetterSheet], all: Bool, mayEnter: Bool, language: Language,
                              now: Date = Date(), notice: String? = nil) -> String {
        func t(_ key: LetterStrings) -> String { HTML.escape(key.text(language)) }
        var body = "<h1>\(t(all ? .allLetters : .lettersTitle))</h1>\(StaffFrame.notice(notice))<p>"
        body += all ? "<a href=\"\(LetterText.link("/staff/letters", language))\">\(t(.myDesk))</a>"
            : "<a id=\"all-letters\" href=\"\(LetterText.link("/staff/letters?all=true", language))\">\(t(.allLetters))</a>"
        if mayEnter { body += " · <a id=\"new-letter\" href=\"\(LetterText.link("/staff/letters/new", language))\">\(t(.newLetter))</a>" }
        body += "</p>"
        guard !letters.isEmpty else { return frame(body + "<p id=\"no-letters\">\(t(.noLetters))</p>", session, all, language) }
        body += "<table id=\"letters\"><thead><tr><th>\(HTML.escape(StaffStrings.code.text(language)))</th><th>\(t(.type))</th>"
        body += "<th>\(t(.applicant))</th><th>\(t(.village))</th><th>\(t(.step))</th><th>\(t(.since))</th><th>\(t(.stepDue))</th></tr></thead><tbody>"
        for sheet in letters {
            let letter = sheet.letter
            body += "<tr data-code=\"\(letter.code)\"\(letter.isOverdue(at: now) ? " class=\"overdue\"" : "")>"
            body += "<td><a href=\"\(LetterText.link("/staff/letters/\(letter.code)", language))\">\(letter.code)</a></td>"
            body += "<td>\(HTML.escape(sheet.typeName))</td><td>\(HTML.escape(sheet.applicant["name"] ?? "-"))</td>"
            body += "<td>\(HTML.escape(sheet.villageName))</td><td>\(HTML.escape(letter.step.label(language)))</td>"
            body += "<td>\(DateText.local(letter.stepSince, language))</td><td>\(LetterText.stepDue(letter, now: now, language))</td></tr>"
        }
        return frame(body + "</tbody></table>", session, all, language)
    }

    private static func frame(_ body: String, _ session: StaffSession, _ all: Bool, _ language: Language) -> String {
        StaffFrame.page(title: LetterStrings.lettersTitle.text(language), language: language, session: session,
                        path: all ? "/staff/letters?all=true" : "/staff/letters", body: body)
    }
}
