/// The refusals of intake's routes that are not a problem of the complaint itself (those are
/// `SubmissionProblem`s, answered by field): the client's idempotency key, the other channels (the
/// walk-in desk, the SMS gateway) and the citizen's answer to a resolution. Statuses and codes are contracts (Schemas/openapi.yaml).
extension Refusal {
    public static let invalidIdempotencyKey = Refusal(
        status: 400, code: "invalid_idempotency_key", id: "Idempotency-Key harus 1 sampai 200 karakter ASCII yang terlihat.",
        en: "Idempotency-Key must be 1 to 200 visible ASCII characters")

    /// The key came before with another complaint; `name` is what the client calls its key.
    public static func idempotencyKeyReused(_ name: String = "Idempotency-Key", for thing: String = "complaint") -> Refusal {
        Refusal(status: 422, code: "idempotency_key_reused", id: "\(name) ini sudah dipakai untuk pengaduan lain.",
                en: "this \(name) was used for a different \(thing)")
    }

    /// The citizen's answer carries a reason that is not text.
    public static let answerReasonNotText = Refusal(status: 400, code: "invalid_request", id: "Alasan harus berupa teks atau null.",
                                                    en: "reason must be a string or null")

    // MARK: the other channels

    /// Only agency staff enter a visitor's complaint at the walk-in desk.
    public static let deskStaffOnly = Refusal(status: 403, code: "forbidden", id: "Hanya petugas dinas yang mencatat pengaduan di loket.",
                                              en: "only agency staff enter complaints at the desk")

    /// A desk submission names an intake channel the `intake_channels` table does not offer.
    public static let unknownIntakeChannel = Refusal(
        status: 400, code: "unknown_intake_channel", id: "Kanal pengaduan tidak dikenal. Pilih salah satu kanal dari daftar.",
        en: "unknown intake channel: choose one of the listed channels")

    /// The SMS gateway's webhook is off (no shared secret is configured).
    public static let smsWebhookOff = Refusal(status: 404, code: "not_found", id: "Webhook SMS tidak diaktifkan.",
                                              en: "the SMS webhook is not enabled")

    public static let smsSecretWrong = Refusal(status: 403, code: "forbidden", id: "X-Webhook-Secret salah atau tidak ada.",
                                               en: "wrong or missing X-Webhook-Secret")

    public static let smsFieldsMissing = Refusal(status: 400, code: "invalid_request", id: "Kirim from dan text.",
                                                 en: "send from and text")
}
