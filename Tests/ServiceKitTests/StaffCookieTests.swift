import HTTP
import ServiceKit
import Testing

struct StaffCookieTests {
    @Test func secureCookiesAreHostPrefixedAtTheRoot() {
        #expect(StaffCookie.session.secure(true).setting("abc", maxAge: 60)
                == "__Host-hub_session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Strict; Secure")
        #expect(StaffCookie.loginForm.secure(true).setting("tok") == "__Host-hub_login_csrf=tok; Path=/; HttpOnly; SameSite=Strict; Secure")
    }

    @Test func plainCookiesKeepTheirNamesAndPaths() {
        #expect(StaffCookie.session.secure(false).setting("", maxAge: 0) == "hub_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict")
        #expect(StaffCookie.loginForm.secure(false).setting("tok") == "hub_login_csrf=tok; Path=/staff/login; HttpOnly; SameSite=Strict")
    }

    @Test func aPrefixedCookieIsReadOnlyUnderItsOwnName() {
        var headers = HTTPHeaders()
        headers.add("Cookie", "hub_session=planted; __Host-hub_session=real")
        let request = HTTPRequest(method: "GET", target: "/staff", pathSegments: ["staff"], rawQuery: nil, headers: headers)
        #expect(StaffCookie.session.secure(true).value(in: request) == "real")
        #expect(StaffCookie.session.secure(false).value(in: request) == "planted")
    }
}
