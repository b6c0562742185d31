/// The refusals of signing in and of a request's session: no session, a cookie without its CSRF
/// token or this site's Origin, an account beyond its module or role, too many failed logins.
/// Statuses and codes are contracts (Schemas/openapi.yaml); the English messages are the API's words.
/// The answer's headers (WWW-Authenticate, Retry-After) are HTTP's, added where it renders them.
extension Refusal {
    public static let loginFieldsRequired = Refusal(status: 400, code: "invalid_request", id: "Nama akun dan kata sandi wajib diisi.",
                                                    en: "send {\"login\": \"...\", \"password\": \"...\"}")

    public static let invalidCredentials = Refusal(status: 401, code: "invalid_credentials", id: "Nama akun atau kata sandi salah.",
                                                   en: "login or password is wrong")

    /// Too many recent failed logins for the name or the address.
    public static func tooManyAttempts(retryAfter seconds: Int) -> Refusal {
        Refusal(status: 429, code: "too_many_attempts", id: "Terlalu banyak percobaan gagal. Coba lagi dalam \(seconds) detik.",
                en: "too many failed logins; try again in \(seconds) seconds")
    }

    /// No valid session: the JSON API's words, which name the login route.
    public static let unauthenticated = Refusal(status: 401, code: "unauthenticated", id: "Masuk terlebih dahulu.",
                                                en: "log in first: POST /api/v1/staff/login")

    /// No valid session for a resource of the staff pages (a case's photo).
    public static let pageUnauthenticated = Refusal(status: 401, code: "unauthenticated", id: "Masuk terlebih dahulu.",
                                                    en: "log in first")

    public static let csrfTokenRequired = Refusal(
        status: 403, code: "csrf_token_required",
        id: "Dengan cookie sesi, kirim csrf_token sesi (dari jawaban login) di X-CSRF-Token, atau gunakan Authorization: Bearer.",
        en: "with the session cookie, send the session's csrf_token (from the login answer) in X-CSRF-Token, "
            + "or authenticate with Authorization: Bearer")

    public static let originMismatch = Refusal(status: 403, code: "origin_mismatch",
                                               id: "Dengan cookie sesi, header Origin harus situs ini.",
                                               en: "with the session cookie, the Origin header must be this site's")

    /// The resource belongs to another module than the account's.
    public static func belongsToModule(_ module: ModuleName) -> Refusal {
        Refusal(status: 403, code: "forbidden", id: "Ini milik modul lain.", en: "this belongs to the \(module.rawValue) module")
    }

    /// The account's role may not use this route.
    public static let roleMayNotDoThis = Refusal(status: 403, code: "forbidden_action", id: "Peran Anda tidak boleh melakukan tindakan ini.",
                                                 en: "your role may not do this")
}
