import Complaints
import Testing
@testable import Web

struct LostCodePageTests {
    @Test func aRefusedRequestListsWhatToFixAtTheTopLinkingToItsFieldAndFocusesIt() {
        let page = LostCodePage.render(language: .id, refusal: ("contact_required", "Isi alamat email atau nomor telepon (salah satu saja)."))
        let summary = page.range(of: "id=\"error-summary\"")
        let form = page.range(of: "<form")
        #expect(summary != nil && form != nil && summary!.lowerBound < form!.lowerBound, "the list stands above the form")
        #expect(page.contains("<li><a href=\"#email\">Isi alamat email atau nomor telepon (salah satu saja).</a></li>"))
        #expect(page.contains("<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" value=\"\" aria-describedby=\"email-error\" aria-invalid=\"true\" autofocus>"))
        #expect(page.contains("<script src=\"\(FormScript.path)\" defer></script>"), "the script moves focus when a link is followed")

        let phone = LostCodePage.render(language: .en, phone: "12ab", refusal: ("invalid_phone", "The phone number is not valid."))
        #expect(phone.contains("<a href=\"#phone\">") && phone.contains("value=\"12ab\" aria-describedby=\"phone-error\" aria-invalid=\"true\" autofocus>"))
        #expect(!phone.contains("aria-describedby=\"email-error\""))
    }

    @Test func aLimitNamesNoFieldAndAFreshFormNothing() {
        let limited = LostCodePage.render(language: .id, email: "a@example.org", refusal: ("rate_limited", "Terlalu sering."))
        #expect(limited.contains("id=\"resend-error\" role=\"alert\">Terlalu sering.</p>") && !limited.contains("id=\"error-summary\""))
        #expect(!limited.contains("autofocus"))
        let fresh = LostCodePage.render(language: .id)
        #expect(!fresh.contains("id=\"error-summary\"") && !fresh.contains("aria-invalid") && !fresh.contains("class=\"error\""))
    }
}
