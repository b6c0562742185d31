import Complaints
import Foundation
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

    /// The Content-Security-Policy the pages are sent with allows scripts from the hub itself only
    /// (`script-src 'self'`): every page that scripts loads the one file, and none holds inline script.
    @Test func thePagesLoadTheScriptFileAndHoldNoInlineScript() {
        let session = StaffSession(account: Account(id: 1, login: "loket", role: .staff, module: .intake, categories: [], area: nil,
                                                    subUnit: nil, active: true), csrfToken: "t")
        let code = TrackingCode(parsing: "7QK2M9XW4HNPA")!
        let view = TrackingView(trackingCode: code, categoryName: "Kesehatan", status: .received, confidential: true, description: nil,
                                location: nil, area: nil, dueAt: nil, createdAt: .now, updatedAt: .now, events: [])
        let pages = [
            ComplaintFormPage.render(categories: [], language: .id, errors: ["description": "x"], formToken: "t"),
            DeskPage.render(session: session, categories: [], channels: [], language: .id, formToken: "t"),
            DeskReceiptPage.render(session: session, view: view, confirmation: CaseConfirmation(
                CaseOutlook(agencyNameID: nil, agencyNameEN: nil, nextStep: nil, nextStepDue: nil), notices: .none),
                                   trackingURL: "https://lapor.example.go.id/track/x", language: .id),
        ]
        for page in pages {
            let scripts = page.components(separatedBy: "<script").dropFirst()
            #expect(scripts.count == 1)
            #expect(scripts.allSatisfy { $0.hasPrefix(" src=\"\(FormScript.path)\" defer></script>") })
            #expect(page.range(of: #"\son[a-z]+="#, options: .regularExpression) == nil, "no inline event handler")
            #expect(!page.contains("javascript:"))
        }
    }
}

