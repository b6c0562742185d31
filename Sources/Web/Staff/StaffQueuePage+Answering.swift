import Complaints

extension StaffQueuePage {
    /// The queue's marks of answering: the reporter answered (until staff act on the case), or their
    /// time to answer the officer's question ran out.
    static func answeringMarker(_ stored: Case, _ language: Language) -> String {
        if stored.reporterAnswered {
            return " <strong class=\"answered\" data-mark=\"reporter-answered\">\(HTML.escape(StaffStrings.reporterAnswered.text(language)))</strong>"
        }
        if stored.reporterWait?.lapsed == true {
            return " <strong class=\"late\" data-mark=\"reporter-unanswered\">\(HTML.escape(StaffStrings.reporterUnanswered.text(language)))</strong>"
        }
        return ""
    }
}
