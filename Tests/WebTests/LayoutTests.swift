import Complaints
import Testing
@testable import Web

struct LayoutTests {
    @Test func theSwitchLeadsToTheOtherLanguageOfTheSamePage() {
        #expect(Layout.page(title: "t", language: .id, switchPath: "/track/X", body: "").contains("<a href=\"/track/X?lang=en\" lang=\"en\">English</a>"))
        #expect(Layout.page(title: "t", language: .id, switchPath: "/staff/?status=resolved", body: "")
                .contains("<a href=\"/staff/?status=resolved&amp;lang=en\" lang=\"en\">English</a>"))
        #expect(Layout.page(title: "t", language: .en, switchPath: "/track/X", body: "").contains("<a href=\"/track/X\" lang=\"id\">Bahasa Indonesia</a>"))
    }

    @Test func staffPagesAreWiderAndNamed() {
        let staff = Layout.page(title: "Antrean", language: .id, switchPath: "/staff/", body: "", staff: true)
        #expect(staff.contains("<body class=\"staff\">") && staff.contains("body.staff{max-width:72rem}"))
        #expect(staff.contains(" · Ruang Petugas</strong>"))
        let citizen = Layout.page(title: "t", language: .id, switchPath: "/", body: "")
        #expect(citizen.contains("<body>") && !citizen.contains("body.staff"))
    }

    @Test(arguments: Hostile.all)
    func theTitleAndTheSwitchPathAreEscaped(hostile: Hostile) {
        let html = Layout.page(title: hostile.raw, language: .id, switchPath: "/x?q=\(hostile.raw)", body: "")
        #expect(Markup.skeleton(html) == Markup.skeleton(Layout.page(title: Hostile.plain, language: .id, switchPath: "/x?q=\(Hostile.plain)", body: "")))
        #expect(Markup.contains(html, "<title>\(hostile.escaped) · "))
    }
}
