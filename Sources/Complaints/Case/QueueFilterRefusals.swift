/// The refusals of a queue filter: a value the hub does not know (400) or one beyond what the
/// account may see (403). Statuses and codes are contracts (Schemas/openapi.yaml); the words are the
/// queue page's in both languages (the page shows them to a reader who typed the value), and the
/// JSON API answers the English ones.
extension Refusal {
    /// An account of a module-bound role that belongs to no module has no queue.
    public static let noModule = Refusal(status: 403, code: "no_module",
                                         id: "Akun ini belum terdaftar pada modul mana pun; minta admin menetapkannya.",
                                         en: "This account belongs to no module; ask an administrator to assign one.")

    public static let unknownStatus = Refusal(status: 400, code: "invalid_status", id: "Status tidak dikenal.", en: "Unknown status.")

    /// The account works its own sub-unit only.
    public static let forbiddenSubUnit = Refusal(status: 403, code: "forbidden_sub_unit", id: "Akun Anda hanya bekerja di unit pelaksananya sendiri.",
                                                 en: "Your account works its own sub-unit only.")

    public static let unknownSubUnit = Refusal(status: 400, code: "invalid_sub_unit",
                                               id: "Unit pelaksana harus salah satu unit aktif dari dinas kasus ini.",
                                               en: "The sub-unit must be an active sub-unit of the case's agency.")

    /// The overdue filter is neither true nor false.
    public static let invalidOverdueFilter = Refusal(status: 400, code: "invalid_request",
                                                     id: "Saringan “lewat batas waktu” hanya boleh true atau false.",
                                                     en: "The overdue filter must be true or false.")

    public static let inspectorsOnlyQueue = Refusal(status: 403, code: "forbidden", id: "Antrean inspektorat hanya untuk inspektur.",
                                                    en: "The inspectorate queue is for inspectors.")

    /// No module has that name (a queue filter, an account's module).
    public static let unknownModule = Refusal(status: 400, code: "invalid_module", id: "Modul tidak dikenal.", en: "Unknown module.")

    /// The account works its own module only.
    public static let forbiddenModule = Refusal(status: 403, code: "forbidden_module", id: "Akun Anda hanya bekerja di modulnya sendiri.",
                                                en: "Your account works its own module only.")

    public static let unknownAgency = Refusal(status: 400, code: "invalid_agency", id: "Dinas tidak dikenal.", en: "Unknown agency.")

    /// The account works other categories only.
    public static let forbiddenCategory = Refusal(status: 403, code: "forbidden_category", id: "Akun Anda tidak menangani kategori itu.",
                                                  en: "Your account does not work that category.")

    /// `page_size` is not a whole number from 1 to 200.
    public static let invalidPageSize = Refusal(status: 400, code: "invalid_page_size",
                                                id: "Ukuran halaman harus bilangan bulat dari 1 sampai 200.",
                                                en: "page_size must be a whole number from 1 to 200.")

    /// `page` is not a whole number from 1 to 1000.
    public static let invalidPage = Refusal(status: 400, code: "invalid_page",
                                            id: "Nomor halaman harus bilangan bulat dari 1 sampai 1000.",
                                            en: "page must be a whole number from 1 to 1000.")

    /// `q` is shorter than 3 or longer than 200 characters, or holds control characters.
    public static let invalidSearch = Refusal(status: 400, code: "invalid_query",
                                              id: "Kata pencarian harus 3 sampai 200 karakter.",
                                              en: "q must be from 3 to 200 characters.")

    /// `assignee` is neither `me` nor `none`.
    public static let invalidAssignee = Refusal(status: 400, code: "invalid_assignee",
                                                id: "Saringan pemegang kasus hanya boleh me atau none.",
                                                en: "assignee must be me or none.")

    /// `sort` names no order of the queue.
    public static let invalidSort = Refusal(status: 400, code: "invalid_sort",
                                            id: "Urutan harus deadline, age atau priority.",
                                            en: "sort must be deadline, age or priority.")
}

extension Refusal {
    /// A case page's reject or close sent without its confirmation box ticked (`StaffAction.needsConfirmation`).
    public static let confirmationRequired = Refusal(status: 400, code: "confirmation_required",
                                                     id: "Centang konfirmasi dulu: tindakan ini mengakhiri kasus.",
                                                     en: "Tick the confirmation first: this action ends the case.")
}
