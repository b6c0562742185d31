/// The refusals of managing accounts (the accounts page and `/api/v1/staff/accounts`). Statuses and
/// codes are contracts (Schemas/openapi.yaml); a refusal the accounts page can show has the page's
/// words in both languages, which the JSON API answers in English too.
extension Refusal {
    /// Only admins, and inspectors for inspector accounts, manage accounts.
    public static let accountsManagersOnly = Refusal(
        status: 403, code: "forbidden",
        id: "Halaman ini hanya untuk admin (dan inspektur, untuk akun inspektur).",
        en: "accounts are managed by admins, and inspector accounts by inspectors")

    public static let loginAndPasswordRequired = Refusal(status: 400, code: "invalid_request",
                                                         id: "Nama akun dan kata sandi wajib diisi.",
                                                         en: "A login and a password are required.")

    /// A field of the new account's JSON is not text.
    public static func accountFieldNotText(_ key: String) -> Refusal {
        Refusal(status: 400, code: "invalid_request", id: "Isian \(key) harus berupa teks.", en: "\(key) must be a string")
    }

    public static let categoriesNotList = Refusal(status: 400, code: "invalid_request", id: "Kategori harus berupa daftar kode.",
                                                  en: "categories must be a list of codes")

    public static let activeRequired = Refusal(status: 400, code: "invalid_request", id: "Kirim {\"active\": false} atau {\"active\": true}.",
                                               en: "send {\"active\": false} or {\"active\": true}")

    public static let newPasswordRequired = Refusal(status: 400, code: "invalid_request", id: "Kirim {\"password\": \"...\"}.",
                                                    en: "send {\"password\": \"...\"}")

    public static let invalidRole = Refusal(status: 400, code: "invalid_role", id: "Pilih salah satu peran yang tersedia.",
                                            en: "Choose one of the roles offered.")

    /// The manager does not create or manage accounts of this role.
    public static let forbiddenRole = Refusal(
        status: 403, code: "forbidden_role",
        id: "Akun inspektur hanya dibuat dan dikelola oleh inspektur atau operator (hubctl); admin mengelola peran lainnya, inspektur hanya akun inspektur.",
        en: "Inspector accounts are created and managed only by inspectors or the operator (hubctl); administrators manage the other roles, inspectors inspector accounts only.")

    public static let loginTaken = Refusal(status: 409, code: "login_taken", id: "Nama akun itu sudah dipakai.", en: "That login is taken already.")

    /// The new account breaks a rule of accounts (its login, password, module or sub-unit).
    /// - Parameter why: the rule it broke, in English, after the rules.
    public static func invalidAccount(_ why: String) -> Refusal {
        Refusal(status: 400, code: "invalid_account",
                id: "Akun tidak dapat dibuat: nama akun 3–64 huruf, angka, atau . _ @ -; kata sandi paling sedikit 8 karakter; akun petugas wajib punya modul; unit pelaksana harus milik modul akun dan hanya untuk petugas, supervisor, atau validator.",
                en: "The account cannot be created: a login of 3 to 64 letters, digits or . _ @ -; a password of at least 8 characters; staff accounts need a module; a sub-unit must belong to the account's module and is for staff, supervisors and validators only. (\(why))")
    }

    /// A new password for an existing account breaks the password rule.
    public static let invalidPassword = Refusal(status: 400, code: "invalid_password", id: "Kata sandi baru paling sedikit 8 karakter.",
                                                en: "The new password needs at least 8 characters.")

    public static let accountNotFound = Refusal(status: 404, code: "account_not_found", id: "Tidak ada akun dengan nama itu.",
                                                en: "No account has that login.")

    /// An account may not disable itself.
    public static let ownAccount = Refusal(status: 409, code: "own_account",
                                           id: "Anda tidak dapat menonaktifkan akun Anda sendiri; minta admin lain atau operator.",
                                           en: "You cannot disable your own account; ask another administrator or the operator.")

    /// A category the account is to work is not one of the hub's.
    public static let unknownAccountCategory = Refusal(status: 400, code: "unknown_category", id: "Kategori tidak dikenal.",
                                                       en: "Unknown category.")

    /// The accounts page has no button of that name.
    public static let unknownAccountChange = Refusal(status: 404, code: "unknown_action", id: "Perubahan akun itu tidak dikenal.",
                                                     en: "No such change to an account.")
}
