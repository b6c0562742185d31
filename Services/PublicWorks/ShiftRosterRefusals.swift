import Complaints

/// The refusals of public works' shift roster. Statuses and codes are contracts
/// (Schemas/openapi.yaml); the English messages are the API's words since the first release.
extension Refusal {
    static let shiftLoginRequired = Refusal(status: 400, code: "invalid_request", id: "Nama akun wajib diisi.", en: "login is required")

    static let shiftTimesRequired = Refusal(status: 400, code: "invalid_request",
                                            id: "starts_at dan ends_at harus cap waktu ISO 8601 dengan zona waktu.",
                                            en: "starts_at and ends_at must be ISO 8601 timestamps with a time zone")

    /// A shift ends after it starts and lasts at most `hours`.
    static func invalidShift(longest hours: Int) -> Refusal {
        Refusal(status: 400, code: "invalid_shift", id: "Giliran harus berakhir setelah dimulai dan paling lama \(hours) jam.",
                en: "a shift ends after it starts and lasts at most \(hours) hours")
    }

    /// The login is not public-works staff or a supervisor.
    static func notShiftWorker(_ login: String) -> Refusal {
        Refusal(status: 400, code: "invalid_account", id: "Akun itu bukan petugas atau supervisor pekerjaan umum.",
                en: "\(login) is not public-works staff or a supervisor")
    }

    static func shiftOverlaps(_ login: String) -> Refusal {
        Refusal(status: 409, code: "shift_overlaps", id: "Akun itu sudah punya giliran pada waktu itu.", en: "\(login) already has a shift then")
    }
}
