import Complaints
import Testing
@testable import Web

struct StaffAccountsPageTests {
    let admin = Sample.account(id: 1, login: "admin", role: .admin, module: nil)
    var accounts: [Account] {
        [admin, Sample.account(id: 2, login: "budi", area: "Sukamaju", subUnit: "dpupr-pju"),
         Sample.account(id: 3, login: "sari", role: .supervisor, active: false),
         Sample.account(id: 4, login: "insp", role: .inspector, module: nil)]
    }

    func render(_ session: StaffSession, language: Language = .id, notice: String? = nil, error: String? = nil,
                values: [String: String] = [:]) -> String {
        StaffAccountsPage.render(session: session, accounts: accounts, subUnits: Sample.subUnits, language: language, notice: notice,
                                 error: error, values: values)
    }

    @Test func listsEachAccountWithItsScope() {
        let html = render(Sample.session(admin))
        #expect(html.contains("<tr><td>budi</td><td>Petugas</td><td>public-works</td><td></td><td>Sukamaju</td><td>UPT PJU</td><td>aktif</td>"))
        #expect(html.contains("<tr><td>sari</td><td>Supervisor</td><td>public-works</td><td></td><td>—</td><td>—</td><td>nonaktif</td>"))
    }

    @Test func anAdminManagesEveryRoleButInspectors() {
        let html = render(Sample.session(admin))
        #expect(html.contains("action=\"/staff/accounts/budi/disable\""))
        #expect(html.contains("action=\"/staff/accounts/sari/enable\"") && !html.contains("action=\"/staff/accounts/sari/disable\""))
        #expect(!html.contains("action=\"/staff/accounts/admin/disable\""), "nobody disables their own account")
        #expect(html.contains("action=\"/staff/accounts/admin/password\""))
        #expect(!html.contains("/staff/accounts/insp/") && html.contains(StaffStrings.notManagedHere.text(.id)))
        #expect(!html.contains("<option value=\"inspector\"") && html.contains("<option value=\"staff\">Petugas</option>"))
    }

    @Test func anInspectorManagesInspectorsOnly() {
        let html = render(Sample.session(Sample.account(id: 4, login: "insp", role: .inspector, module: nil)))
        #expect(!html.contains("/staff/accounts/budi/") && html.contains("action=\"/staff/accounts/insp/revoke-sessions\""))
        #expect(!html.contains("action=\"/staff/accounts/insp/disable\""))
        #expect(html.contains("<option value=\"inspector\">Inspektur</option>") && !html.contains("<option value=\"staff\""))
    }

    @Test func everyFormThatChangesStateCarriesTheSessionsToken() {
        let forms = Markup.postForms(render(Sample.session(admin)))
        // budi: disable, sessions, password; sari: enable, sessions, password; admin: sessions, password; create; logout.
        #expect(forms.count == 10)
        for form in forms { #expect(form.contains("<input type=\"hidden\" name=\"csrf\" value=\"csrf-token-of-the-session\">")) }
    }

    @Test func aFailedCreationKeepsWhatWasTypedButThePassword() {
        let html = render(Sample.session(admin), error: "Nama akun itu sudah dipakai.",
                          values: ["login": "budi", "password": "rahasia-sekali", "role": "validator", "module": "social",
                                   "categories": "sosial", "area": "Sukamaju", "sub_unit": "dinsos-rehab"])
        #expect(html.contains("name=\"login\" required value=\"budi\""))
        #expect(!html.contains("rahasia-sekali"))
        #expect(html.contains("<option value=\"validator\" selected>") && html.contains("<option value=\"social\" selected>"))
        #expect(html.contains("<option value=\"dinsos-rehab\" selected>"))
        #expect(html.contains("id=\"page-error\">Nama akun itu sudah dipakai.</p>"))
    }

    /// The page shows a refusal's own words in the reader's language: the refusal carries them.
    @Test(arguments: [Language.id, .en])
    func aTakenLoginIsShownInTheReadersLanguage(language: Language) {
        let html = render(Sample.session(admin), language: language, error: Refusal.loginTaken.message(language))
        #expect(html.contains("id=\"page-error\">\(language == .id ? "Nama akun itu sudah dipakai." : "That login is taken already.")</p>"))
    }

    @Test func speaksEnglishWithEn() {
        let html = render(Sample.session(admin), language: .en)
        #expect(html.contains("<html lang=\"en\">") && html.contains("<h1>Accounts</h1>"))
        #expect(html.contains("action=\"/staff/accounts/budi/disable?lang=en\"") && html.contains("<td>Agency staff</td>"))
        #expect(html.contains("<td>Street lighting unit</td>"))
    }

    @Test(arguments: Hostile.all)
    func everyAccountTextAndKeptValueIsEscaped(hostile: Hostile) {
        func render(_ text: String) -> String {
            let account = Sample.account(id: 9, login: text, categories: [text], area: text, subUnit: text)
            return StaffAccountsPage.render(session: Sample.session(admin), accounts: [account],
                                            subUnits: [SubUnit(code: text, agency: text, module: nil, nameID: text, nameEN: text)],
                                            language: .id, notice: text, error: text,
                                            values: ["login": text, "categories": text, "area": text])
        }
        let html = render(hostile.raw)
        #expect(Markup.skeleton(html) == Markup.skeleton(render(Hostile.plain)))
        #expect(Markup.contains(html, "<tr><td>\(hostile.escaped)</td>"))
        #expect(Markup.contains(html, "action=\"/staff/accounts/\(hostile.escaped)/disable\""))
        #expect(Markup.contains(html, "name=\"login\" required value=\"\(hostile.escaped)\""))
        #expect(Markup.contains(html, "<option value=\"\(hostile.escaped)\">\(hostile.escaped)</option>"))
    }
}
