/// The refusals of the letter chain and its API. Statuses and codes are contracts
/// (Schemas/openapi.yaml); the English messages are the API's words.
extension Refusal {
    public static let letterNotFound = Refusal(status: 404, code: "letter_not_found", id: "Surat tidak ditemukan.",
                                               en: "No letter has that code.")

    public static let letterFinished = Refusal(status: 409, code: "letter_finished", id: "Surat ini sudah selesai atau ditolak.",
                                               en: "This letter is finished or rejected already.")

    public static let notYourStep = Refusal(status: 403, code: "not_your_step",
                                            id: "Surat ini tidak sedang berada di meja jabatan Anda.",
                                            en: "This letter is not on your position's desk.")

    public static let onLeave = Refusal(status: 403, code: "on_leave", id: "Anda sedang cuti; pengganti Anda yang memegang surat ini.",
                                        en: "You are on leave; your stand-in holds this letter.")

    public static func actionNotAllowed(_ kind: LetterAction.Kind, at step: LetterStep) -> Refusal {
        Refusal(status: 409, code: "action_not_allowed", id: "Tindakan \(kind.rawValue) tidak dapat dilakukan pada tahap ini (\(step.labelID)).",
                en: "\(kind.rawValue) is not possible at this step (\(step.rawValue)).")
    }

    public static let letterReasonRequired = Refusal(status: 400, code: "reason_required", id: "Tuliskan alasannya (paling banyak 1000 karakter).",
                                               en: "send {\"reason\": \"...\"} of 1 to 1000 characters")

    public static let letterChanged = Refusal(status: 409, code: "letter_changed",
                                              id: "Surat ini baru saja diubah oleh petugas lain. Muat ulang dan coba lagi.",
                                              en: "Another official changed this letter just now; reload it and try again.")

    public static func letterFieldMissing(_ field: LetterField) -> Refusal {
        Refusal(status: 400, code: "missing_field", id: "\(field.labelID) wajib diisi.", en: "fields.\(field.key) is required")
    }

    public static func letterFieldInvalid(_ field: LetterField) -> Refusal {
        let rule: String
        switch field.kind {
        case .text: rule = "text of at most \(field.maxLength ?? 200) characters"
        case .date: rule = "a date written YYYY-MM-DD"
        case .number: rule = "a whole number from \(field.min ?? 0)" + (field.max.map { " to \($0)" } ?? "")
        case .nik: rule = "a NIK of 16 digits"
        case .choice: rule = "one of " + field.choices.joined(separator: ", ")
        }
        return Refusal(status: 400, code: "invalid_field", id: "\(field.labelID) tidak sesuai ketentuan.", en: "fields.\(field.key) must be \(rule)")
    }

    public static func unknownLetterField(_ key: String) -> Refusal {
        Refusal(status: 400, code: "unknown_field", id: "Jenis surat ini tidak mempunyai isian \(key).", en: "this letter type has no field \(key)")
    }

    public static func applicantFieldMissing(_ key: String) -> Refusal {
        Refusal(status: 400, code: "missing_field", id: "\(Applicant.labelID(key)) pemohon wajib diisi.", en: "applicant.\(key) is required")
    }

    public static func applicantFieldInvalid(_ key: String) -> Refusal {
        Refusal(status: 400, code: "invalid_field", id: "\(Applicant.labelID(key)) pemohon tidak sesuai ketentuan\(key == "nik" ? " (16 angka)" : "").",
                en: "applicant.\(key) is not valid (nik: 16 digits; name up to 120, address up to 300, other particulars up to 200 characters, at most 20, keys in snake_case)")
    }

    public static let letterRequestShape = Refusal(
        status: 400, code: "invalid_request", id: "Kirim {\"type\", \"applicant\": {...}, \"fields\": {...}}.",
        en: "send {\"type\": \"...\", \"applicant\": {\"nik\", \"name\", \"address\", ...}, \"fields\": {...}} (fields as text or numbers)")

    public static let unknownLetterType = Refusal(status: 400, code: "unknown_letter_type", id: "Jenis surat tidak dikenal.",
                                                  en: "unknown letter type; see GET /api/v1/letter-types")

    public static let wrongVillage = Refusal(status: 403, code: "wrong_village", id: "Anda hanya dapat membuat surat untuk desa Anda sendiri.",
                                             en: "you may enter letters only for your own village")

    public static let letterRolesOnly = Refusal(status: 403, code: "forbidden_action", id: "Halaman ini untuk petugas surat desa dan kecamatan.",
                                                en: "letters are for the village and sub-district letter roles")

    public static let letterNotReady = Refusal(status: 409, code: "letter_not_ready", id: "Surat belum selesai.",
                                               en: "The letter is not ready yet.")

    /// An unknown number and a wrong check answer alike, so links cannot be guessed.
    public static let letterNotVerified = Refusal(status: 404, code: "letter_not_verified",
                                                  id: "Tidak ada surat dengan nomor dan kode pemeriksa ini. Surat ini tidak dapat dipastikan keasliannya.",
                                                  en: "No letter has this number and check value. This letter cannot be verified.")

    public static let leaveShape = Refusal(
        status: 400, code: "invalid_request", id: "Kirim {\"login\", \"from\", \"to\", \"stand_in\"}; tanggal dalam bentuk YYYY-MM-DD.",
        en: "send {\"login\", \"from\", \"to\", \"stand_in\"} with dates written YYYY-MM-DD, from no later than to, at most 366 days")

    public static let districtAdminOnly = Refusal(status: 403, code: "forbidden_action", id: "Hanya admin kecamatan yang mengatur jabatan dan cuti.",
                                                  en: "only a district administrator keeps positions and leave")

    public static let outsideDistrict = Refusal(status: 403, code: "outside_district",
                                                id: "Pejabat itu tidak berada di kecamatan Anda.",
                                                en: "that official does not work in your kecamatan")

    public static let standInNotEligible = Refusal(
        status: 400, code: "invalid_stand_in", id: "Pengganti harus pejabat surat lain di desa atau kecamatan yang sama.",
        en: "the stand-in must be another active letter official of the same desa/kelurahan or kecamatan")

    public static let officialNotFound = Refusal(status: 404, code: "account_not_found", id: "Tidak ada pejabat surat dengan nama akun itu.",
                                                 en: "no letter official has that login")
}
