import Complaints
import Testing
@testable import Web

struct StaffLoginPageTests {
    @Test func theFormCarriesThePreLoginToken() {
        let forms = Markup.postForms(StaffLoginPage.render(language: .id, csrf: "pre-login-token"))
        #expect(forms.count == 1)
        #expect(forms.first?.contains("<input type=\"hidden\" name=\"csrf\" value=\"pre-login-token\">") == true)
        #expect(forms.first?.contains("action=\"/staff/login\"") == true)
    }

    @Test func speaksIndonesianByDefaultAndEnglishWithEn() {
        let id = StaffLoginPage.render(language: .id, csrf: "t"), en = StaffLoginPage.render(language: .en, csrf: "t")
        #expect(id.contains("<h1>Masuk sebagai petugas</h1>") && id.contains("<button type=\"submit\">Masuk</button>"))
        #expect(en.contains("<h1>Staff login</h1>") && en.contains("action=\"/staff/login?lang=en\""))
    }

    @Test func aFailedLoginKeepsTheLoginButNotThePassword() {
        let html = StaffLoginPage.render(language: .id, csrf: "t", login: "budi", error: StaffStrings.loginFailed.text(.id))
        #expect(html.contains("name=\"login\" autocomplete=\"username\" required value=\"budi\""))
        #expect(html.contains("type=\"password\" autocomplete=\"current-password\" required>"))
        #expect(html.contains("id=\"page-error\">\(StaffStrings.loginFailed.text(.id))</p>"))
        #expect(!html.contains("/staff/logout"), "no one is signed in")
    }

    @Test func textsFromAnEndedSessionAreShownToCopy() {
        let html = StaffLoginPage.render(language: .id, csrf: "t", address: "/staff/login?next=%2Fstaff%2Fcases%2FX",
                                         kept: [("Catatan", "Sudah dicek.")])
        #expect(html.contains("action=\"/staff/login?next=%2Fstaff%2Fcases%2FX\""))
        #expect(html.contains("<textarea id=\"kept-1\" class=\"kept\" rows=\"4\" readonly>\nSudah dicek.</textarea>"))
    }

    @Test(arguments: Hostile.all)
    func theLoginTheAddressAndKeptTextsAreEscaped(hostile: Hostile) {
        func render(_ text: String) -> String {
            StaffLoginPage.render(language: .id, csrf: text, login: text, error: text, address: "/staff/login?next=\(text)",
                                  kept: [(text, text)])
        }
        let html = render(hostile.raw)
        #expect(Markup.skeleton(html) == Markup.skeleton(render(Hostile.plain)))
        #expect(Markup.contains(html, "required value=\"\(hostile.escaped)\""))
        #expect(Markup.contains(html, "action=\"/staff/login?next=\(hostile.escaped)\""))
        #expect(Markup.contains(html, "readonly>\n\(hostile.escaped)</textarea>"))
        #expect(Markup.contains(html, "name=\"csrf\" value=\"\(hostile.escaped)\""))
    }
}
