import HTTP

/// The staff side's two cookies: the session and the login form's pre-login token. By default they are
/// `Secure` and named with the `__Host-` prefix (so the browser keeps them to this host, over TLS, at
/// `Path=/`, out of reach of a sibling domain); `HUB_COOKIE_SECURE=0` drops both for plain-HTTP testing.
/// Both are HttpOnly and SameSite=Strict.
public struct StaffCookie: Sendable {
    /// The session (`__Host-hub_session`), the same token JSON clients send as a Bearer token.
    public static let session = StaffCookie(baseName: "hub_session", plainPath: "/")
    /// The login form's token (`__Host-hub_login_csrf`), set before anyone is signed in.
    public static let loginForm = StaffCookie(baseName: "hub_login_csrf", plainPath: "/staff/login")

    let baseName: String
    /// The path without the prefix; a `__Host-` cookie must have `Path=/`.
    let plainPath: String
    let secure: Bool

    init(baseName: String, plainPath: String, secure: Bool = PublicEdge.current.secureCookies) {
        self.baseName = baseName
        self.plainPath = plainPath
        self.secure = secure
    }

    /// The same cookie with `Secure` and the prefix, or without them.
    public func secure(_ secure: Bool) -> StaffCookie { StaffCookie(baseName: baseName, plainPath: plainPath, secure: secure) }

    /// The name browsers store it under.
    public var name: String { secure ? "__Host-" + baseName : baseName }

    /// Its value in a request, if sent.
    public func value(in request: HTTPRequest) -> String? { request.cookie(name) }

    /// A `Set-Cookie` value; `maxAge` 0 clears it.
    public func setting(_ value: String, maxAge: Int? = nil) -> String {
        let path = secure ? "/" : plainPath
        return "\(name)=\(value); Path=\(path)\(maxAge.map { "; Max-Age=\($0)" } ?? ""); HttpOnly; SameSite=Strict\(secure ? "; Secure" : "")"
    }
}
