import Complaints

extension StaffCasePage {
    /// The actions the lifecycle expects next (`Lifecycle.expectedNext`) that this account may take,
    /// as the primary buttons, and every other action it may take folded in a `<details>` (open when
    /// the last refused action is among them, so its kept input shows).
    static func nextSteps(_ view: StaffCaseView, session: StaffSession, language: Language, values: [String: String]) -> String {
        func t(_ key: StaffStrings) -> String { HTML.escape(key.text(language)) }
        func c(_ key: CaseWords) -> String { HTML.escape(key.text(language)) }
        let expected = Lifecycle.expectedNext(for: view.stored.status, inspectorate: view.stored.inspectorate)
        let primary = view.actions.filter(expected.contains), others = view.actions.filter { !expected.contains($0) }
        func form(_ action: StaffAction, primary: Bool) -> String {
            actionForm(action, view: view, session: session, language: language, primary: primary,
                       values: values["action"] == action.urlName ? values : [:])
        }
        var html = "<section id=\"next-actions\"><h2>\(c(.nextSteps))</h2>"
        if view.actions.isEmpty {
            html += "<p>\(t(.noActions))</p>"
        } else if primary.isEmpty {
            html += "<p>\(c(.nothingExpected))</p>"
        }
        html += primary.map { form($0, primary: true) }.joined() + "</section>"
        if !others.isEmpty {
            let open = others.contains { $0.urlName == values["action"] } ? " open" : ""
            html += "<details id=\"other-actions\"\(open)><summary>\(c(.otherActions))</summary>"
            html += others.map { form($0, primary: false) }.joined() + "</details>"
        }
        return html
    }
}
