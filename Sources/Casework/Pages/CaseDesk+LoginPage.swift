import Complaints
import Foundation
import HTTP
import HubStore
import ServiceKit
import Web

/// Signing in and out of the staff pages. The login form carries the token of a pre-login cookie,
/// and `next`, the staff page to return to once signed in.
extension CaseDesk {
    /// The login page in the request's language: after logging out, where `next` has no use.
    static func toLogin(_ language: Language) -> HTTPResponse {
        .redirect(to: ReturnPath.login(next: nil, language))
    }

    /// The login page for a page asked for without a session; the login leads back to it.
    static func toLogin(_ request: HTTPRequest) -> HTTPResponse {
        .redirect(to: ReturnPath.login(next: ReturnPath.of(request), language(request)))
    }

    /// The login form with the token of the browser's pre-login cookie, or a new one (set as the
    /// cookie) where the browser has none (`StaffCookie.loginForm`).
    /// - Parameters:
    ///   - next: the staff page the login leads to, already validated.
    ///   - kept: texts to show for copying (label and text).
    func loginForm(_ request: HTTPRequest, status: Int = 200, login: String = "", error: String? = nil,
                   next: String? = nil, kept: [(label: String, text: String)] = []) -> HTTPResponse {
        let language = Self.language(request)
        let csrf = StaffCookie.loginForm.value(in: request).flatMap { $0.count == 32 ? $0 : nil } ?? FormToken.generate()
        var response = Self.page(StaffLoginPage.render(language: language, csrf: csrf, login: login, error: error,
                                                       address: ReturnPath.loginAddress(next: next), kept: kept), status: status)
        response.headers.add("Set-Cookie", StaffCookie.loginForm.setting(csrf))
        return response
    }

    /// A page that refuses a stale or forged form: inside the staff frame for a signed-in account,
    /// else a fresh login form with a new token.
    func formExpired(_ request: HTTPRequest, session: StaffSession?) -> HTTPResponse {
        let language = Self.language(request)
        let message = StaffStrings.formExpired.text(language)
        guard let session else {
            return loginForm(request, status: 403, error: message, next: ReturnPath.validated(request.query("next")))
        }
        return Self.page(StaffFrame.errorPage(message, session: session, language: language), status: 403)
    }

    /// The answer to a form sent after its session ended (logged out elsewhere, or expired): the
    /// login page, leading back to `next`, with the note or reason that was typed shown for copying.
    func sessionEnded(_ request: HTTPRequest, form: PageForm, next: String?) -> HTTPResponse {
        let language = Self.language(request)
        let kept = [("note", StaffStrings.note), ("reason", StaffStrings.reason)].compactMap { name, label in
            form.fields[name].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : (label: label.text(language), text: $0) }
        }
        return loginForm(request, status: 401, error: StaffStrings.sessionEnded.text(language), next: next, kept: kept)
    }

    func loginPage(_ request: HTTPRequest) -> HTTPResponse {
        loginForm(request, next: ReturnPath.validated(request.query("next")))
    }

    func logInFromPage(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Self.language(request)
        let next = ReturnPath.validated(request.query("next"))
        let form = try PageForm(request)
        guard let cookie = StaffCookie.loginForm.value(in: request), let sent = form.fields["csrf"],
              ConstantTime.equals(cookie, sent) else { return formExpired(request, session: nil) }
        let credentials = LoginRequest(form: form)
        let login = credentials.login
        switch try logIn(credentials, from: request.clientAddress) {
        case .signedIn(let session):
            var response = HTTPResponse.redirect(to: StaffFrame.link(next ?? ReturnPath.home(for: session.account.role), language))
            session.set(on: &response)
            return response
        case .invalid:
            return loginForm(request, status: 401, login: login, error: StaffStrings.loginFailed.text(language), next: next)
        case .throttled(let wait):
            var response = loginForm(request, status: 429, login: login, error: StaffStrings.loginThrottled.text(language), next: next)
            response.headers.add("Retry-After", String(wait))
            return response
        }
    }

    func logOutFromPage(_ request: HTTPRequest, session: StaffSession?) throws -> HTTPResponse {
        let language = Self.language(request)
        guard let session else { return Self.toLogin(language) }
        guard session.accepts(csrf: try PageForm(request).fields["csrf"]) else { return formExpired(request, session: session) }
        if let token = StaffCookie.session.value(in: request) {
            try pool.withConnection { try AccountStore.revoke(token: token, on: $0) }
        }
        var response = Self.toLogin(language)
        response.headers.add("Set-Cookie", sessionCookie("", maxAge: 0))
        return response
    }

    /// The session cookie's `Set-Cookie`; an empty token and `maxAge` 0 clear it.
    func sessionCookie(_ token: String, maxAge: Int) -> String { StaffCookie.session.setting(token, maxAge: maxAge) }
}
