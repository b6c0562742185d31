import Complaints
import Testing
@testable import Web

struct StaffFrameTests {
    @Test(arguments: [("/staff/", Language.id, "/staff/"), ("/staff/", .en, "/staff/?lang=en"),
                      ("/staff/?status=resolved", .en, "/staff/?status=resolved&lang=en"), ("/staff/login?next=%2F", .id, "/staff/login?next=%2F")])
    func linksKeepThePagesLanguage(path: String, language: Language, expected: String) {
        #expect(StaffFrame.link(path, language) == expected)
    }

    @Test func theHeaderNamesTheAccountAndCarriesTheLogoutWithItsToken() {
        let html = StaffFrame.page(title: "Antrean", language: .id, session: Sample.session(), path: "/staff/", body: "")
        #expect(html.contains("<span> budi (Petugas)</span>"))
        #expect(html.contains("<form method=\"post\" action=\"/staff/logout\"><input type=\"hidden\" name=\"csrf\" value=\"csrf-token-of-the-session\"><button type=\"submit\">Keluar</button></form>"))
        #expect(!html.contains("href=\"/staff/accounts\""))
    }

    @Test func onlyAdminsSeeTheAccountsLink() {
        let html = StaffFrame.page(title: "t", language: .en, session: Sample.session(Sample.account(role: .admin, module: nil)),
                                   path: "/staff/", body: "")
        #expect(html.contains("<a href=\"/staff/accounts?lang=en\">Accounts</a>"))
    }

    @Test func anErrorPageLeadsBackToTheQueueOrToTheLogin() {
        let signedIn = StaffFrame.errorPage("Tidak boleh.", session: Sample.session(), language: .id, requestID: "req-7")
        #expect(signedIn.contains("<p class=\"error\" role=\"alert\" id=\"page-error\">Tidak boleh.</p>"))
        #expect(signedIn.contains("<code id=\"request-id\">req-7</code>") && signedIn.contains("<a href=\"/staff/\">"))
        let signedOut = StaffFrame.errorPage("Sesi berakhir.", session: nil, language: .en)
        #expect(signedOut.contains("<a href=\"/staff/login?lang=en\">Log in</a>") && !signedOut.contains("request-id"))
        #expect(Markup.postForms(signedOut).isEmpty)
    }

    @Test(arguments: Hostile.all)
    func theMessageTheLoginAndTheTokenAreEscaped(hostile: Hostile) {
        func render(_ text: String) -> String {
            StaffFrame.errorPage(text, session: Sample.session(Sample.account(login: text), csrf: text), language: .id, requestID: text)
        }
        let html = render(hostile.raw)
        #expect(Markup.skeleton(html) == Markup.skeleton(render(Hostile.plain)))
        #expect(Markup.contains(html, "id=\"page-error\">\(hostile.escaped)</p>"))
        #expect(Markup.contains(html, "<span> \(hostile.escaped) (Petugas)</span>"))
        #expect(Markup.contains(html, "name=\"csrf\" value=\"\(hostile.escaped)\">"))
        #expect(Markup.contains(html, "<code id=\"request-id\">\(hostile.escaped)</code>"))
    }
}
