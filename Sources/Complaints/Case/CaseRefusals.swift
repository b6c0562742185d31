/// The one table of refusals of an action on a case: the lifecycle's, the checks of what an action
/// names (a colleague, a sub-unit, a category, another case) and the desk's. The statuses and codes
/// are contracts (Schemas/openapi.yaml); the English messages are the API's words since the first
/// release.
extension Refusal {
    // MARK: the lifecycle's road

    /// The actor's role may not ask for this action at all.
    public static func roleNotAllowed(action: String) -> Refusal {
        Refusal(status: 403, code: "forbidden_action", id: "Peran Anda tidak boleh melakukan tindakan ini.",
                en: "your role may not \(action) this case")
    }

    /// The lifecycle has no road for this action from the case's status.
    public static func notAllowedInStatus(action: String, status: ComplaintStatus) -> Refusal {
        Refusal(status: 409, code: "invalid_transition", id: "Tindakan ini tidak dapat dilakukan pada status kasus saat ini.",
                en: "cannot \(action) a case that is \(status.rawValue)")
    }

    public static let noteRequired = Refusal(status: 409, code: "note_required", id: "Catatan wajib diisi.",
                                             en: "a non-empty public note is required")

    /// A staff action's reason (reject, postpone, reject the follow-up) is missing or blank.
    public static let reasonRequired = Refusal(status: 409, code: "reason_required", id: "Alasan wajib diisi.",
                                               en: "a non-empty reason is required")

    /// The citizen's low rating came without a reason: bad input to the citizen's form (400), where a
    /// staff action's missing reason is a 409 (`reasonRequired`).
    public static let answerReasonRequired = Refusal(status: 400, code: "reason_required",
                                                     id: "Alasan wajib diisi untuk nilai 1 atau 2.",
                                                     en: "a non-empty reason is required")

    public static let lowRatingRequired = Refusal(
        status: 400, code: "low_rating_required",
        id: "Kasus dibuka kembali hanya dengan nilai rendah (1 atau 2); beri nilai 3 atau lebih untuk menerimanya.",
        en: "a case is reopened with a low rating (1 or 2); rate 3 or more to accept it")

    public static let ratingOutOfScale = Refusal(status: 400, code: "invalid_rating", id: "Nilai harus bilangan bulat 1 sampai 5.",
                                                 en: "rating must be a whole number from 1 to 5")

    public static let noteTooLong = Refusal(status: 400, code: "note_too_long", id: "Catatan atau alasan paling banyak 4.000 karakter.",
                                            en: "a note or reason has at most \(Lifecycle.maxNoteLength) characters")

    // MARK: what an action names

    public static func unknownCategory(_ category: String) -> Refusal {
        Refusal(status: 400, code: "unknown_category", id: "Kategori tidak dikenal.", en: "unknown category \(category)")
    }

    /// The colleague is not active staff or a supervisor of the case's module working where the case is.
    public static func invalidAssignee(module: ModuleName) -> Refusal {
        Refusal(status: 400, code: "invalid_assignee", id: "Rekan kerja harus petugas atau supervisor aktif di modul ini.",
                en: "the colleague must be active staff or a supervisor of \(module.rawValue)")
    }

    /// No colleague has that login.
    public static func unknownAssignee(login: String) -> Refusal {
        Refusal(status: 400, code: "invalid_assignee", id: "Rekan kerja harus petugas atau supervisor aktif di modul ini.",
                en: "no account \(login)")
    }

    /// The sub-unit is not another active sub-unit of the case's agency.
    public static func invalidSubUnit(_ subUnit: String, agency: String) -> Refusal {
        Refusal(status: 400, code: "invalid_sub_unit", id: "Unit pelaksana harus salah satu unit aktif dari dinas kasus ini.",
                en: "\(subUnit) is not another active sub-unit of the case's agency \(agency)")
    }

    /// No other case (that the account may see) has that code.
    public static func invalidDuplicate(_ other: String) -> Refusal {
        Refusal(status: 400, code: "invalid_duplicate", id: "Kode kasus induk tidak ditemukan.",
                en: "no other case \(other) to merge into")
    }

    public static let photosNotAllowed = Refusal(
        status: 400, code: "photos_not_allowed",
        id: "Foto sesudah hanya untuk penyelesaian atau permintaan validasi, paling banyak 3.",
        en: "after-photos go with resolve or request-validation, at most 3")

    /// A module field's value is refused by the module's profile.
    public static func invalidField(_ problem: FieldProblem) -> Refusal {
        Refusal(status: 400, code: "invalid_field", id: problem.messageID, en: problem.message)
    }

    // MARK: the desk

    /// No case with the code that the account may see (unknown and hidden cases alike).
    public static func caseNotFound(_ code: String) -> Refusal {
        Refusal(status: 404, code: "case_not_found", id: "Tidak ada kasus dengan kode itu yang boleh Anda lihat.",
                en: "no case \(code) that you may see")
    }

    /// The citizen's tracking code names no complaint.
    public static let complaintNotFound = Refusal(status: 404, code: "complaint_not_found",
                                                  id: "Tidak ada pengaduan dengan kode pelacakan itu.",
                                                  en: "no complaint has this tracking code")
    /// The same answer whether the photo is missing or its complaint is confidential.
    public static let photoNotFound = Refusal(status: 404, code: "photo_not_found",
                                              id: "Foto tidak ditemukan, atau pengaduannya rahasia.",
                                              en: "no such photo, or the complaint is confidential")

    /// The case belongs to another module than the one asked.
    public static func wrongModule(_ code: String, handledBy owner: ModuleName, not module: ModuleName) -> Refusal {
        Refusal(status: 409, code: "wrong_module", id: "Kasus ini ditangani modul lain.",
                en: "case \(code) is handled by \(owner.rawValue), not \(module.rawValue)")
    }

    /// An account bound to a sub-unit works what it is given and does not pass it on.
    public static let subUnitMayNotDispose = Refusal(status: 403, code: "forbidden_action",
                                                     id: "Akun unit pelaksana tidak mendisposisikan kasus.",
                                                     en: "an account of a sub-unit does not dispose cases")

    /// After-photos beyond the client address's daily allowance.
    public static func photoQuotaExceeded(_ exceeded: PhotoQuotaExceeded) -> Refusal {
        Refusal(status: PhotoQuotaExceeded.status, code: PhotoQuotaExceeded.code, id: exceeded.message(.id), en: exceeded.message(.en))
    }
}
