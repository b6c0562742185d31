/// The refusals of a lost-code request and of following a case: the statuses and codes are
/// contracts (Schemas/openapi.yaml).
extension Refusal {
    // MARK: lost codes

    public static let lostCodeContactRequired = Refusal(
        status: 400, code: "contact_required", id: "Isi alamat email atau nomor telepon (salah satu saja).",
        en: "give either an email address or a phone number (one of them)")

    /// An email address that cannot be one (a lost code's contact, a follower's address), in the
    /// submission's words.
    public static let contactEmailInvalid = Refusal(status: 400, code: SubmissionProblem.invalidEmail.rawValue,
                                                    id: SubmissionProblem.invalidEmail.message(.id),
                                                    en: SubmissionProblem.invalidEmail.message(.en))

    /// A phone number that cannot be one, in the submission's words.
    public static let contactPhoneInvalid = Refusal(status: 400, code: SubmissionProblem.invalidPhone.rawValue,
                                                    id: SubmissionProblem.invalidPhone.message(.id),
                                                    en: SubmissionProblem.invalidPhone.message(.en))


    // MARK: followers

    /// A confidential case shows the public only its status: nobody follows it but its reporter.
    public static let followConfidential = Refusal(
        status: 403, code: "confidential_case", id: "Pengaduan ini rahasia dan tidak dapat diikuti.",
        en: "this complaint is confidential and cannot be followed")

    public static let alreadyFollowing = Refusal(
        status: 409, code: "already_following",
        id: "Alamat ini sudah mengikuti pengaduan ini atau menunggu konfirmasi; periksa email Anda.",
        en: "this address already follows this complaint or awaits its confirmation; check your email")

    /// A confirmation or unsubscribe link that names no follow (never issued, or already gone).
    public static let followLinkUnknown = Refusal(
        status: 404, code: "link_not_found", id: "Tautan ini tidak berlaku (sudah dipakai untuk berhenti, atau tidak pernah ada).",
        en: "this link is not valid (already used to unsubscribe, or never issued)")
}
