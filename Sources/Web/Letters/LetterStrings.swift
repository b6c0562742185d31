import Complaints

/// The letter desks' and the district admin's words, Indonesian first.
public enum LetterStrings: String, Sendable {
    case letters, lettersTitle, allLetters, myDesk, newLetter, noLetters, type, applicant, village, step, since, stepDue, overdue
    case open, letterTitle, applicantData, fieldsTitle, history, actions, noActions, pass, returnLetter, sign, reject
    case returnReason, rejectReason, signHint, done, number, pdf, receipt, chooseType, next, enterTitle, enterIntro, applicantTitle, submit, fixErrors
    case receiptTitle, receiptCode, receiptKeep, receiptFollow, receiptFollowOnline, receiptFollowOffice, receiptEntered
    case receiptDue, print, nextEntry, ready, letterDue, standIn, positions, positionsTitle, login, name, nip, role, region
    case active, disabled, onLeaveUntil, createOfficial, password, create, created, leave, leaveTitle, from, to, standInLogin
    case recordLeave, recorded, cancel, cancelled, noLeave, status, current, leaveCancelled
    case nik, fullName, address, birthPlace, birthDate, gender, occupation, optional
    case trackTitle, trackDesk, trackReady, trackRejected, trackOffice

    public func text(_ language: Language) -> String {
        let pair = Self.table[self] ?? (rawValue, rawValue)
        return language == .en ? pair.1 : pair.0
    }

    private static let table: [LetterStrings: (String, String)] = [
        .letters: ("Surat", "Letters"),
        .lettersTitle: ("Surat di meja saya", "Letters on my desk"),
        .allLetters: ("Semua surat yang dapat saya lihat", "Every letter I may see"),
        .myDesk: ("Hanya di meja saya", "On my desk only"),
        .newLetter: ("Permohonan surat baru", "New letter request"),
        .noLetters: ("Tidak ada surat yang menunggu di meja Anda.", "No letter is waiting on your desk."),
        .type: ("Jenis surat", "Letter type"),
        .applicant: ("Pemohon", "Applicant"),
        .village: ("Desa/kelurahan", "Village"),
        .step: ("Tahap", "Step"),
        .since: ("Sejak", "Since"),
        .stepDue: ("Tenggat tahap", "Step deadline"),
        .overdue: ("Lewat tenggat", "Overdue"),
        .open: ("Buka", "Open"),
        .letterTitle: ("Surat", "Letter"),
        .applicantData: ("Data pemohon", "Applicant's data"),
        .fieldsTitle: ("Isian surat", "Letter fields"),
        .history: ("Riwayat", "History"),
        .actions: ("Tindakan", "Actions"),
        .noActions: ("Tidak ada tindakan untuk jabatan Anda pada tahap ini.", "Your position takes no action at this step."),
        .pass: ("Teruskan", "Pass on"),
        .returnLetter: ("Kembalikan untuk diperbaiki", "Return for correction"),
        .sign: ("Tanda tangani", "Sign"),
        .reject: ("Tolak", "Reject"),
        .returnReason: ("Alasan pengembalian", "Why it is returned"),
        .rejectReason: ("Alasan penolakan", "Why it is rejected"),
        .signHint: ("Dengan menandatangani, nama dan NIP Anda tercantum pada surat.", "Signing puts your name and NIP on the letter."),
        .done: ("Tersimpan.", "Saved."),
        .number: ("Nomor surat", "Letter number"),
        .pdf: ("Unduh surat (PDF)", "Download the letter (PDF)"),
        .receipt: ("Cetak tanda terima", "Print the receipt"),
        .chooseType: ("Pilih jenis surat", "Choose the letter type"),
        .next: ("Lanjut", "Next"),
        .enterTitle: ("Permohonan surat", "Letter request"),
        .enterIntro: ("Isi data pemohon sesuai KTP dan isian yang diminta jenis surat ini.",
                      "Enter the applicant's data as on their identity card, and the fields this letter type asks for."),
        .applicantTitle: ("Data pemohon", "Applicant"),
        .submit: ("Simpan dan cetak tanda terima", "Save and print the receipt"),
        .fixErrors: ("Periksa kembali isian berikut:", "Please fix the following:"),
        .receiptTitle: ("Tanda terima permohonan surat", "Letter request receipt"),
        .receiptCode: ("Kode pelacakan", "Tracking code"),
        .trackTitle: ("Posisi surat", "Where the letter is"),
        .trackDesk: ("Di meja", "At the desk of"),
        .trackOffice: ("Ada pertanyaan? Tanyakan ke kantor desa dengan menyebutkan kode ini.", "Questions? Ask the village office, giving this code."),
        .trackReady: ("Surat Anda sudah selesai: ambil surat yang dicetak di kantor desa, atau", "Your letter is ready: collect the printed letter at the village office, or"),
        .trackRejected: ("Permohonan surat ini ditolak. Tanyakan alasannya di kantor desa.", "This letter request was refused. Ask the village office why."),
        .receiptKeep: ("Simpan tanda terima ini. Kode ini satu-satunya cara mengikuti dan mengambil surat Anda.",
                       "Keep this receipt. The code is the only way to follow and collect your letter."),
        .receiptFollow: ("Cara mengikuti surat Anda", "How to follow your letter"),
        .receiptFollowOnline: ("Lihat posisi surat di alamat ini:", "See where the letter is at this address:"),
        .receiptFollowOffice: ("Atau tanyakan ke kantor desa dengan menyebutkan kode ini. Surat yang sudah selesai dicetak di kantor desa.",
                               "Or ask at the village office quoting this code. A finished letter is printed at the village office."),
        .receiptEntered: ("Diterima", "Received"),
        .receiptDue: ("Perkiraan selesai paling lambat", "Expected at the latest by"),
        .print: ("Cetak", "Print"),
        .nextEntry: ("Permohonan berikutnya", "Next request"),
        .ready: ("Surat sudah selesai.", "The letter is ready."),
        .letterDue: ("Tenggat surat", "Letter deadline"),
        .standIn: ("sebagai pengganti", "as stand-in"),
        .positions: ("Jabatan", "Positions"),
        .positionsTitle: ("Pemegang jabatan di kecamatan", "Who holds each position in the kecamatan"),
        .login: ("Nama akun", "Login"),
        .name: ("Nama", "Name"),
        .nip: ("NIP", "NIP"),
        .role: ("Jabatan", "Position"),
        .region: ("Wilayah", "Region"),
        .active: ("Aktif", "Active"),
        .disabled: ("Nonaktif", "Disabled"),
        .onLeaveUntil: ("Cuti sampai", "On leave until"),
        .createOfficial: ("Buat akun pejabat", "Create an official's account"),
        .password: ("Kata sandi", "Password"),
        .create: ("Buat akun", "Create account"),
        .created: ("Akun dibuat.", "Account created."),
        .leave: ("Cuti", "Leave"),
        .leaveTitle: ("Cuti dan pengganti", "Leave and stand-ins"),
        .from: ("Dari tanggal", "From"),
        .to: ("Sampai tanggal", "To"),
        .standInLogin: ("Pengganti", "Stand-in"),
        .recordLeave: ("Catat cuti", "Record leave"),
        .recorded: ("Cuti dicatat.", "Leave recorded."),
        .cancel: ("Batalkan", "Cancel"),
        .cancelled: ("Dibatalkan", "Cancelled"),
        .noLeave: ("Tidak ada cuti yang berjalan atau akan datang.", "No current or coming leave."),
        .status: ("Status", "Status"),
        .current: ("Berlaku", "In force"),
        .leaveCancelled: ("Cuti dibatalkan.", "Leave cancelled."),
        .nik: ("NIK", "NIK"),
        .fullName: ("Nama lengkap", "Full name"),
        .address: ("Alamat", "Address"),
        .birthPlace: ("Tempat lahir", "Place of birth"),
        .birthDate: ("Tanggal lahir", "Date of birth"),
        .gender: ("Jenis kelamin", "Sex"),
        .occupation: ("Pekerjaan", "Occupation"),
        .optional: ("(tidak wajib)", "(optional)"),
    ]

    /// The label of an applicant's particular on the form and the letter page.
    public static func particular(_ key: String, _ language: Language) -> String {
        let known: [String: LetterStrings] = ["nik": .nik, "name": .fullName, "address": .address, "birth_place": .birthPlace,
                                              "birth_date": .birthDate, "gender": .gender, "occupation": .occupation]
        return known[key]?.text(language) ?? key
    }
}
