import Complaints

/// The staff pages' words, Indonesian first.
public enum StaffStrings: String, Sendable {
    case staffArea, login, password, logIn, logout, loginTitle, loginFailed, loginThrottled, formExpired
    case queue, accounts, filter, anyValue, statusLabel, priority, area, overdueOnly, category, module, inspectorateOnly
    case apply, countsTitle, overdueCount, noCases, code, due, overdue, assignedToYou, caseTitle, details, reporter
    case reporterHidden, reporterNoContact, channel, location, coordinates, kelurahan, kecamatan, photos, reportPhoto, resolutionPhoto
    case duplicates, duplicateOf, joinedReports, timeline, internalEvent, publicEvent, actions, noActions, done
    case note, publicNote, reason, colleague, duplicateCode, afterPhotos, newDeadline, newCategory, toInspectorate
    case escalationReason, createAccount, role, categoriesField, areaField, create, back, confidential
    case anonymous, yes, no, inspectorateCase, adminsOnly, caseNotFound, subUnit, agency, chooseOne
    case sessionEnded, keptTitle, keptHint, serverError, quoteRequestID, findCode, find, codeUnreadable, codeToReadOut
    case accountStatus, accountActive, accountDisabled, disableAccount, enableAccount, newPassword, resetPassword
    case revokeSessions, notManagedHere
    case forwardTo, findingsNote, outcome, outcomeNote
    case question, reporterAnswered, reporterUnanswered

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
        .reporterHidden: ("Pelapor memilih anonim: siapa dia dan kontaknya tidak ditampilkan kepada petugas mana pun. Hub tetap mengabari pelapor lewat kontak yang ditinggalkannya, bila ada.",
                          "The reporter chose anonymity: who they are and how to reach them is shown to no staff role. The hub itself still tells them of each step on any contact they left."),
        .reporterNoContact: ("Pelapor tidak meninggalkan kontak.", "The reporter left no contact."),
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
        .forwardTo: ("Teruskan ke instansi", "Forward to the agency"),
        .findingsNote: ("Temuan (internal)", "Findings (internal)"),
        .outcome: ("Hasil pemeriksaan", "Outcome"),
        .outcomeNote: ("Catatan hasil untuk publik (tanpa nama pejabat)", "Public outcome note (naming no official)"),
        .question: ("Pertanyaan untuk pelapor (publik)", "Question for the reporter (public)"),
        .reporterAnswered: ("pelapor menjawab", "reporter answered"),
        .reporterUnanswered: ("pelapor belum menjawab", "reporter did not answer"),
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
