import Testing
@testable import Web

struct FormScriptTests {
    /// The script finds the form's elements by the ids the form gives them.
    @Test func fillsTheFormsCoordinateFields() {
        let form = ComplaintFormPage.render(categories: [], language: .id, formToken: "t")
        for id in ["locate", "locate-status", "lat", "lon"] {
            #expect(FormScript.source.contains("getElementById(\"\(id)\")") && form.contains("id=\"\(id)\""), "\(id)")
        }
        for attribute in ["data-waiting", "data-done", "data-failed"] {
            #expect(FormScript.source.contains("getAttribute(\"\(attribute)\")") && form.contains(attribute + "=\""), "\(attribute)")
        }
    }
}
