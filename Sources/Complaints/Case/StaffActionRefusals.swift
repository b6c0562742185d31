/// The refusals of a staff action's request before the lifecycle sees it: an unknown action, a field
/// it needs missing or malformed. Statuses and codes are contracts (Schemas/openapi.yaml); the English
/// messages are the API's words since the first release, the Indonesian ones the case page's.
extension Refusal {
    /// No action has that URL name.
    public static func unknownAction(_ name: String) -> Refusal {
        Refusal(status: 404, code: "unknown_action", id: "Tindakan itu tidak dikenal.", en: "no action \(name)")
    }

    public static let assigneeRequired = Refusal(status: 400, code: "invalid_request", id: "Pilih rekan kerja.",
                                                 en: "assign needs assignee: a colleague's login")

    public static let subUnitRequired = Refusal(status: 400, code: "invalid_request", id: "Pilih unit pelaksana.",
                                                en: "dispose needs sub_unit: the code of a sub-unit of the case's agency")

    public static let fieldsRequired = Refusal(
        status: 400, code: "invalid_request", id: "Isi data modul sebagai daftar nama dan teks (kosong menghapus).",
        en: "details needs fields: an object of field names and text values (null removes)")

    /// A module field's value in a `details` request is neither text nor null.
    public static func fieldNotText(_ key: String) -> Refusal {
        Refusal(status: 400, code: "invalid_field", id: "\(key) harus berupa teks atau null.", en: "\(key) must be text or null")
    }

    public static let duplicateCodeRequired = Refusal(status: 400, code: "invalid_request",
                                                      id: "Kode kasus induk harus berupa kode pelacakan.",
                                                      en: "duplicate_of must be a tracking code")

    public static let escalationRequired = Refusal(
        status: 400, code: "invalid_request",
        id: "Pilih paling sedikit satu: prioritas, batas waktu baru, kategori, atau inspektorat.",
        en: "escalate needs at least one of priority, due_at, inspectorate, category")

    public static let invalidPriority = Refusal(status: 400, code: "invalid_priority",
                                                id: "Prioritas harus salah satu dari: rendah, normal, tinggi, mendesak.",
                                                en: "Priority must be one of low, normal, high, urgent.")

    public static let invalidDueAt = Refusal(status: 400, code: "invalid_due_at", id: "Tanggal batas waktu tidak valid.",
                                             en: "due_at must be an ISO 8601 timestamp with a time zone")

    public static let categoryCodeRequired = Refusal(status: 400, code: "unknown_category", id: "Kategori tidak dikenal.",
                                                     en: "category must be a category code")

    public static let photosNotBase64List = Refusal(status: 400, code: "invalid_field",
                                                    id: "Foto harus berupa daftar teks base64.",
                                                    en: "photos must be a list of base64 strings")

    public static let photoNotBase64 = Refusal(status: 400, code: "invalid_field", id: "Foto harus berupa teks base64.",
                                               en: "photos must be base64")

    /// A photo refused by the allowance (too many, too large, not an image).
    public static func refusedPhoto(_ problem: PhotoProblem) -> Refusal {
        Refusal(status: 400, code: problem.rawValue, id: problem.message(.id), en: problem.message(.en))
    }
}
