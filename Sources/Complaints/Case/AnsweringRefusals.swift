/// The refusals of answering: the officer's question and the reporter's reply (statuses and codes are
/// contracts, Schemas/openapi.yaml).
extension Refusal {
    /// The officer's question is missing or blank (a staff action's missing text is a 409, as `reasonRequired`).
    public static let questionRequired = Refusal(status: 409, code: "question_required", id: "Pertanyaan wajib diisi.",
                                                 en: "a non-empty question is required")

    /// The reporter's reply is missing or blank: bad input to the citizen's form.
    public static let replyRequired = Refusal(status: 400, code: "reply_required", id: "Jawaban wajib diisi.",
                                              en: "a non-empty reply text is required")

    /// A case waiting for the reporter is closed as unclear only once their time to answer ran out.
    public static let reporterStillHasTime = Refusal(
        status: 409, code: "reporter_has_time",
        id: "Pelapor masih punya waktu untuk menjawab (sampai tenggat kasus); kasus belum dapat ditutup sebagai tidak jelas.",
        en: "the reporter still has time to answer (until the case's deadline); the case cannot be closed as unclear yet")
}
