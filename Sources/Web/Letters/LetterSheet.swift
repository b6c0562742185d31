import Complaints
import Foundation

/// A letter as the staff pages show it (built from the stored record by the desk): where it is, the
/// applicant's data, the fields with their labels, the history, the signatures and the number.
public struct LetterSheet: Sendable {
    public struct Event: Sendable {
        public let action: String
        public let to: LetterStep
        public let position: LetterPosition?
        public let standIn: Bool
        public let note: String?
        public let at: Date
        public let dueAt: Date?

        public init(action: String, to: LetterStep, position: LetterPosition?, standIn: Bool, note: String?, at: Date, dueAt: Date?) {
            self.action = action
            self.to = to
            self.position = position
            self.standIn = standIn
            self.note = note
            self.at = at
            self.dueAt = dueAt
        }
    }

    public let letter: Letter
    public let typeName: String
    public let villageName: String
    public let applicant: [String: String]
    /// The type's fields in its order: label and value.
    public let fields: [(label: String, value: String)]
    /// The fields' values by key, for the correction form.
    public let fieldValues: [String: String]
    public let events: [Event]
    /// Each signature's lines ("a.n. Kepala Desa Sukamaju", name).
    public let signatures: [String]
    public let number: String?
    public let createdAt: Date

    public init(letter: Letter, typeName: String, villageName: String, applicant: [String: String],
                fields: [(label: String, value: String)], fieldValues: [String: String] = [:], events: [Event], signatures: [String],
                number: String?, createdAt: Date) {
        self.letter = letter
        self.typeName = typeName
        self.villageName = villageName
        self.applicant = applicant
        self.fields = fields
        self.fieldValues = fieldValues
        self.events = events
        self.signatures = signatures
        self.number = number
        self.createdAt = createdAt
    }
}

/// What the letter pages share: a step's deadline with the overdue mark, a day, a link.
enum LetterText {
    /// The deadline of the step on the desk, marked when it has passed (nothing once the chain is over).
    static func stepDue(_ letter: Letter, now: Date, _ language: Language) -> String {
        guard !letter.step.isFinal else { return "–" }
        var html = "<time>\(DateText.local(letter.stepDueAt, language))</time>"
        if letter.isOverdue(at: now) {
            html += " <strong class=\"overdue\" data-overdue=\"true\">\(HTML.escape(LetterStrings.overdue.text(language)))</strong>"
        }
        return html
    }

    static func day(_ day: Int) -> String { WorkingCalendar.isoDate(day) }

    static func link(_ path: String, _ language: Language) -> String { HTML.escape(StaffFrame.link(path, language)) }
}
