import Complaints

/// The staff pages' words, Indonesian first.
public enum StaffStrings: String, Sendable {
    case staffArea, login, password, logIn, logout, loginTitle, loginFailed, loginThrottled, formExpired
    case queue, accounts, filter, anyValue, statusLabel, priority, area, overdueOnly, category, module, inspectorateOnly
    case apply, countsTitle, overdueCount, noCases, code, due, overdue, assignedToYou, caseTitle, details, reporter
    case reporterHidden, channel, location, coordinates, kelurahan, kecamatan, photos, reportPhoto, resolutionPhoto
    case duplicates, duplicateOf, joinedReports, timeline, internalEvent, publicEvent, actions, noActions, done
    case note, publicNote, reason, colleague, duplicateCode, afterPhotos, newDeadline, newCategory, toInspectorate
    case escalationReason, createAccount, role, categoriesField, areaField, create, back, confidential
    case anonymous, yes, no, inspectorateCase, adminsOnly, caseNotFound, subUnit, agency, chooseOne
    case sessionEnded, keptTitle, keptHint, serverError, quoteRequestID, findCode, find, codeUnreadable, codeToReadOut
    case accountStatus, accountActive, accountDisabled, disableAccount, enableAccount, newPassword, resetPassword
    case revokeSessions, notManagedHere

    public func text(_ language: Language) -> String {
        let pair = Self.table[self] ?? (rawValue, rawValue)
        return language == .en ? pair.1 : pair.0
    }

    private static let table: [StaffStrings: (String, String)] = [
        .staffArea: ("Ruang Petugas", "Staff area"),
        .login: ("Nama akun", "Login"),
        .password: ("Kata sandi", "Password"),
        .logIn: ("Masuk", "Log in"),
        .logout: ("Keluar", "Log out"),
        .loginTitle: ("Masuk sebagai petugas", "Staff login"),
        .loginFailed: ("Nama akun atau kata sandi salah.", "Wrong login or password."),
        .loginThrottled: ("Terlalu banyak percobaan gagal. Coba lagi dalam beberapa menit.", "Too many failed attempts. Try again in a few minutes."),
        .formExpired: ("Formulir kedaluwarsa. Muat ulang halaman lalu coba lagi.", "The form has expired. Reload the page and try again."),
        .queue: ("Antrean", "Queue"),
        .accounts: ("Akun", "Accounts"),
        .filter: ("Saring", "Filter"),
        .anyValue: ("— semua —", "— any —"),
        .statusLabel: ("Status", "Status"),
        .priority: ("Prioritas", "Priority"),
        .area: ("Wilayah (kelurahan/kecamatan)", "Area (kelurahan/kecamatan)"),
        .overdueOnly: ("Hanya yang lewat batas waktu", "Overdue only"),
        .category: ("Kategori", "Category"),
        .module: ("Modul", "Module"),
        .inspectorateOnly: ("Hanya antrean inspektorat", "Inspectorate queue only"),
        .apply: ("Terapkan", "Apply"),
        .countsTitle: ("Jumlah per status", "Counts by status"),
        .overdueCount: ("Lewat batas waktu", "Overdue"),
        .noCases: ("Tidak ada kasus yang cocok.", "No matching cases."),
        .code: ("Kode", "Code"),
        .due: ("Batas waktu", "Deadline"),
        .overdue: ("LEWAT", "OVERDUE"),
        .assignedToYou: ("ditugaskan kepada Anda", "assigned to you"),
        .caseTitle: ("Kasus", "Case"),
        .details: ("Rincian", "Details"),
        .reporter: ("Pelapor", "Reporter"),
        .reporterHidden: ("Pelapor memilih anonim atau tidak meninggalkan kontak.", "The reporter chose to stay anonymous or left no contact."),
        .channel: ("Kanal", "Channel"),
        .location: ("Lokasi", "Location"),
        .coordinates: ("Koordinat", "Coordinates"),
        .kelurahan: ("Kelurahan", "Kelurahan"),
        .kecamatan: ("Kecamatan", "Kecamatan"),
        .photos: ("Foto", "Photos"),
        .reportPhoto: ("Foto laporan", "Report photo"),
        .resolutionPhoto: ("Foto hasil tindak lanjut", "After-photo"),
        .duplicates: ("Laporan terkait", "Linked reports"),
        .duplicateOf: ("Digabung ke kasus", "Merged into case"),
        .joinedReports: ("Laporan yang digabung ke kasus ini", "Reports merged into this case"),
        .timeline: ("Riwayat lengkap", "Full timeline"),
        .internalEvent: ("internal", "internal"),
        .publicEvent: ("publik", "public"),
        .actions: ("Tindakan", "Actions"),
        .noActions: ("Tidak ada tindakan yang dapat Anda lakukan pada kasus ini sekarang.", "There is nothing your role can do on this case now."),
        .done: ("Tersimpan.", "Saved."),
        .note: ("Catatan", "Note"),
        .publicNote: ("Tampilkan kepada pelapor (publik)", "Show to the reporter (public)"),
        .reason: ("Alasan", "Reason"),
        .colleague: ("Rekan kerja", "Colleague"),
        .subUnit: ("Unit pelaksana", "Sub-unit"),
        .agency: ("Dinas", "Agency"),
        .chooseOne: ("— pilih —", "— choose —"),
        .duplicateCode: ("Kode kasus induk", "Code of the case it duplicates"),
        .afterPhotos: ("Foto sesudah (paling banyak 3)", "After-photos (at most 3)"),
        .newDeadline: ("Batas waktu baru", "New deadline"),
        .newCategory: ("Pindahkan ke kategori", "Move to category"),
        .toInspectorate: ("Serahkan ke inspektorat (dugaan pungli/pelanggaran)", "Hand to the inspectorate (suspected misconduct)"),
        .escalationReason: ("Alasan (internal)", "Reason (internal)"),
        .createAccount: ("Buat akun", "Create an account"),
        .role: ("Peran", "Role"),
        .categoriesField: ("Kategori (pisahkan dengan koma, kosong = semua)", "Categories (comma separated, empty = all)"),
        .areaField: ("Wilayah kerja (kosong = semua)", "Working area (empty = all)"),
        .create: ("Buat", "Create"),
        .accountStatus: ("Status", "Status"),
        .accountActive: ("aktif", "active"),
        .accountDisabled: ("nonaktif", "disabled"),
        .disableAccount: ("Nonaktifkan", "Disable"),
        .enableAccount: ("Aktifkan", "Enable"),
        .newPassword: ("Kata sandi baru", "New password"),
        .resetPassword: ("Ganti kata sandi", "Reset the password"),
        .revokeSessions: ("Akhiri semua sesi", "End every session"),
        .notManagedHere: ("dikelola inspektur atau operator", "managed by inspectors or the operator"),
        .back: ("Kembali ke antrean", "Back to the queue"),
        .confidential: ("Rahasia", "Confidential"),
        .anonymous: ("Anonim", "Anonymous"),
        .yes: ("ya", "yes"),
        .no: ("tidak", "no"),
        .inspectorateCase: ("Di antrean inspektorat", "In the inspectorate queue"),
        .adminsOnly: ("Halaman ini hanya untuk admin (dan inspektur, untuk akun inspektur).",
                      "This page is for administrators (and inspectors, for inspector accounts) only."),
        .caseNotFound: ("Tidak ada kasus dengan kode itu yang boleh Anda lihat.", "No case with that code that you may see."),
        .sessionEnded: ("Sesi Anda telah berakhir. Masuk lagi untuk melanjutkan; tidak ada yang tersimpan dari formulir tadi.",
                        "Your session has ended. Log in again to carry on; nothing from that form was saved."),
        .keptTitle: ("Teks yang Anda ketik", "What you typed"),
        .keptHint: ("Salin teks ini sebelum masuk, lalu tempelkan lagi di formulirnya.", "Copy it before you log in, then paste it into the form again."),
        .serverError: ("Terjadi kesalahan di server. Silakan coba lagi sebentar lagi.", "Something went wrong on the server. Please try again in a moment."),
        .quoteRequestID: ("Bila kesalahan berulang, sebutkan kode permintaan ini kepada admin:", "If it happens again, give the administrator this request id:"),
        .findCode: ("Cari kode pelacakan", "Find a tracking code"),
        .find: ("Cari", "Find"),
        .codeUnreadable: ("Kode pelacakan itu tidak terbaca. Kode terdiri dari 13 huruf dan angka; spasi dan tanda hubung boleh.",
                          "That tracking code cannot be read. A code has 13 letters and digits; spaces and dashes are fine."),
        .codeToReadOut: ("Kode untuk dibacakan", "Code to read out"),
    ]

    /// Where a refusal was met: the generic codes (`invalid_request`, `forbidden`) mean one thing on each page.
    /// A case action's refusals are the domain's (`Refusal`), worded there.
    public enum RefusalPlace: Hashable, Sendable {
        case queue, accounts
    }

    /// A refusal (an error code of the hub that is not a domain `Refusal`, which words itself) in the
    /// staff member's words, where the hub has them.
    /// - Parameter place: the page or action that was refused, for the codes whose meaning depends on it.
    public static func refusal(_ code: String, _ language: Language, at place: RefusalPlace? = nil) -> String? {
        guard let pair = place.flatMap({ placeRefusals[$0]?[code] }) ?? refusals[code] else { return nil }
        return language == .en ? pair.1 : pair.0
    }

    /// The codes whose meaning depends on where they were met.
    private static let placeRefusals: [RefusalPlace: [String: (String, String)]] = [
        .queue: [
            "invalid_request": ("Saringan “lewat batas waktu” hanya boleh true atau false.", "The overdue filter must be true or false."),
            "forbidden": ("Antrean inspektorat hanya untuk inspektur.", "The inspectorate queue is for inspectors."),
        ],
        .accounts: ["invalid_request": ("Nama akun dan kata sandi wajib diisi.", "A login and a password are required."),
                    "unknown_action": ("Perubahan akun itu tidak dikenal.", "No such change to an account.")],
    ]

    /// The codes that mean the same everywhere: the queue's, the accounts' and the HTTP library's.
    private static let refusals: [String: (String, String)] = [
        "forbidden_action": ("Peran Anda tidak boleh melakukan tindakan ini.", "Your role may not take this action."),
        "invalid_sub_unit": ("Unit pelaksana harus salah satu unit aktif dari dinas kasus ini.", "The sub-unit must be an active sub-unit of the case's agency."),
        "unknown_category": ("Kategori tidak dikenal.", "Unknown category."),
        "invalid_status": ("Status tidak dikenal.", "Unknown status."),
        "invalid_priority": ("Prioritas harus salah satu dari: rendah, normal, tinggi, mendesak.", "Priority must be one of low, normal, high, urgent."),
        "invalid_module": ("Modul tidak dikenal.", "Unknown module."),
        "invalid_agency": ("Dinas tidak dikenal.", "Unknown agency."),
        "no_module": ("Akun ini belum terdaftar pada modul mana pun; minta admin menetapkannya.", "This account belongs to no module; ask an administrator to assign one."),
        "forbidden_area": ("Akun Anda tidak bekerja di wilayah itu.", "Your account does not work that area."),
        "forbidden_sub_unit": ("Akun Anda hanya bekerja di unit pelaksananya sendiri.", "Your account works its own sub-unit only."),
        "forbidden_module": ("Akun Anda hanya bekerja di modulnya sendiri.", "Your account works its own module only."),
        "forbidden_category": ("Akun Anda tidak menangani kategori itu.", "Your account does not work that category."),
        "invalid_role": ("Pilih salah satu peran yang tersedia.", "Choose one of the roles offered."),
        "login_taken": ("Nama akun itu sudah dipakai.", "That login is taken already."),
        "forbidden_role": ("Akun inspektur hanya dibuat dan dikelola oleh inspektur atau operator (hubctl); admin mengelola peran lainnya, inspektur hanya akun inspektur.",
                           "Inspector accounts are created and managed only by inspectors or the operator (hubctl); administrators manage the other roles, inspectors inspector accounts only."),
        "own_account": ("Anda tidak dapat menonaktifkan akun Anda sendiri; minta admin lain atau operator.",
                        "You cannot disable your own account; ask another administrator or the operator."),
        "account_not_found": ("Tidak ada akun dengan nama itu.", "No account has that login."),
        "invalid_password": ("Kata sandi baru paling sedikit 8 karakter.", "The new password needs at least 8 characters."),
        "invalid_account": ("Akun tidak dapat dibuat: nama akun 3–64 huruf, angka, atau . _ @ -; kata sandi paling sedikit 8 karakter; akun petugas wajib punya modul; unit pelaksana harus milik modul akun dan hanya untuk petugas, supervisor, atau validator.",
                            "The account cannot be created: a login of 3 to 64 letters, digits or . _ @ -; a password of at least 8 characters; staff accounts need a module; a sub-unit must belong to the account's module and is for staff, supervisors and validators only."),
        "unsupported_media_type": ("Formulir terkirim dalam bentuk yang tidak dikenal. Muat ulang halaman lalu coba lagi.",
                                   "The form arrived in a shape this page does not read. Reload the page and try again."),
        "malformed_form": ("Formulir tidak terbaca. Muat ulang halaman lalu coba lagi.", "The form could not be read. Reload the page and try again."),
        "malformed_multipart": ("Formulir tidak terbaca. Muat ulang halaman lalu coba lagi.", "The form could not be read. Reload the page and try again."),
        "multipart_too_large": ("Kiriman terlalu besar. Kirim foto yang lebih kecil atau lebih sedikit lalu coba lagi.",
                                "What was sent is too large. Send smaller or fewer photos and try again."),
    ]

    /// The notice after a change on the accounts page (`?done=`), or nil.
    public static func accountNotice(_ done: String?, _ language: Language) -> String? {
        let notices: [String: (String, String)] = [
            "created": ("Akun dibuat.", "Account created."),
            "disabled": ("Akun dinonaktifkan; semua sesinya berakhir.", "Account disabled; every session of it has ended."),
            "enabled": ("Akun diaktifkan kembali.", "Account enabled again."),
            "password": ("Kata sandi diganti; semua sesi akun itu berakhir.", "Password reset; every session of the account has ended."),
            "sessions": ("Semua sesi akun itu berakhir.", "Every session of the account has ended."),
        ]
        guard let pair = done.flatMap({ notices[$0] }) else { return nil }
        return language == .en ? pair.1 : pair.0
    }
}
