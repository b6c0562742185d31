import Complaints
import Testing
@testable import Casework

struct ReturnPathTests {
    @Test(arguments: [
        "/staff/", "/staff/cases/7QK2M9XW4HNPA", "/staff/?status=resolved&area=Sukamaju", "/staff/accounts",
        "/staff/cases/7QK2M9XW4HNPA?done=claim", "/staff/?q=a/b",
    ])
    func aStaffPathOfThisSiteIsKept(path: String) {
        #expect(ReturnPath.validated(path) == path)
    }

    @Test(arguments: [
        nil, "", "/", "/staff", "/track/7QK2M9XW4HNPA", "https://evil.test/staff/", "//evil.test/staff/", "/staff//evil.test",
        "/staff/\\evil.test", "/staff/../admin", "/staff/./cases", "/staff/cases/..", "/staff/ cases", "/staff/\u{7F}",
        "/staff/cases\r\nSet-Cookie: x", "/staff/é", "/staff/?next=//evil.test", "/Staff/",
        "/staff/" + String(repeating: "a", count: 1994),
    ] as [String?])
    func anythingElseIsRefused(path: String?) {
        #expect(ReturnPath.validated(path) == nil)
    }

    /// A browser reads `%2e` in a path segment as a dot, so `/staff/%2e%2e/track/X` leaves the staff pages.
    @Test(arguments: ["/staff/%2e%2e/track/7QK2M9XW4HNPA", "/staff/%2E%2E/", "/staff/.%2e/x", "/staff/%2e./x", "/staff/%2e/cases"])
    func encodedDotSegmentsAreRefusedToo(path: String) {
        #expect(ReturnPath.validated(path) == nil)
    }

    @Test func aQueryMayNameDotsThatThePathMayNot() {
        #expect(ReturnPath.validated("/staff/?area=..") == "/staff/?area=..")
        #expect(ReturnPath.validated("/staff/" + String(repeating: "a", count: 1993)) != nil, "2,000 characters at most")
    }

    @Test func theRequestedPageKeepsItsQueryButNotItsLanguage() {
        #expect(ReturnPath.of(Sample.request("/staff/cases/7QK2M9XW4HNPA?lang=en")) == "/staff/cases/7QK2M9XW4HNPA")
        #expect(ReturnPath.of(Sample.request("/staff/?status=resolved&lang=en&area=Suka+Maju")) == "/staff/?status=resolved&area=Suka+Maju")
    }

    @Test func thePlainQueueNeedsNoReturnPath() {
        #expect(ReturnPath.of(Sample.request("/staff")) == nil)
        #expect(ReturnPath.of(Sample.request("/staff/")) == nil)
        #expect(ReturnPath.of(Sample.request("/staff/?lang=en")) == nil)
    }

    @Test func theLoginAddressCarriesNextEncoded() {
        #expect(ReturnPath.loginAddress(next: nil) == "/staff/login")
        #expect(ReturnPath.loginAddress(next: "/staff/?status=resolved&area=x") == "/staff/login?next=%2Fstaff%2F%3Fstatus%3Dresolved%26area%3Dx")
        #expect(ReturnPath.login(next: "/staff/cases/X", .en) == "/staff/login?next=%2Fstaff%2Fcases%2FX&lang=en")
        #expect(ReturnPath.login(next: nil, .en) == "/staff/login?lang=en")
        #expect(ReturnPath.login(next: nil, .id) == "/staff/login")
    }
}
