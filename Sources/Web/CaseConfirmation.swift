import Complaints

/// What the page says right after a complaint is stored (`?new=1`, and the desk's receipt): who
/// handles it, what happens next and by when, and how the citizen will hear of it.
public struct CaseConfirmation: Sendable {
    public let outlook: CaseOutlook
    public let notices: NoticeChannels

    public init(_ outlook: CaseOutlook, notices: NoticeChannels) {
        self.outlook = outlook
        self.notices = notices
    }

    func render(_ language: Language) -> String {
        func t(_ key: Strings) -> String { HTML.escape(key.text(language)) }
        var html = "<dl id=\"confirmation\">"
        if let agency = outlook.agencyName(language) {
            html += "<dt>\(t(.handledBy))</dt><dd id=\"agency\">\(HTML.escape(agency))</dd>"
        }
        if let nextStep = outlook.nextStep {
            let words: Strings = switch nextStep {
            case .verification: .nextVerification
            case .followUp: .nextFollowUp
            case .rating: .nextRating
            }
            let due = outlook.nextStepDue.map { " " + DateText.local($0, language) } ?? ""
            html += "<dt>\(t(.nextStep))</dt><dd id=\"next-step\" data-step=\"\(nextStep.rawValue)\">\(t(words))\(due)</dd>"
        }
        let told: Strings = switch (notices.email, notices.text) {
        case (true, true): .toldByEmailAndText
        case (true, false): .toldByEmail
        case (false, true): .toldByText
        case (false, false): .toldNowhere
        }
        return html + "<dt>\(t(.howTold))</dt><dd id=\"how-told\">\(t(told))</dd></dl>"
    }
}
