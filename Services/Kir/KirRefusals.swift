import Complaints

/// The refusals of the testing station's slots and bookings. Statuses and codes are contracts
/// (Schemas/openapi.yaml); the English messages are the API's words since the first release.
extension Refusal {
    static let invalidStartsAt = Refusal(status: 400, code: "invalid_starts_at",
                                         id: "starts_at harus cap waktu ISO 8601 dengan zona waktu.",
                                         en: "starts_at must be an ISO 8601 timestamp with a time zone")

    static let invalidCapacity = Refusal(status: 400, code: "invalid_capacity", id: "Kapasitas harus bilangan bulat 1 sampai 500.",
                                         en: "capacity must be a whole number from 1 to 500")

    static func slotExists(startingAt text: String) -> Refusal {
        Refusal(status: 409, code: "slot_exists", id: "Sudah ada jadwal yang dimulai pada waktu itu.", en: "a slot already starts at \(text)")
    }

    static let bookingCodeRequired = Refusal(status: 400, code: "invalid_request", id: "tracking_code harus kode pelacakan.",
                                             en: "tracking_code must be a tracking code")

    static let slotIDRequired = Refusal(status: 400, code: "invalid_request", id: "slot_id harus berupa angka.",
                                        en: "slot_id must be a number")

    /// No KIR case with the code that the account may see.
    static func kirCaseNotFound(_ code: String) -> Refusal {
        Refusal(status: 404, code: "case_not_found", id: "Tidak ada kasus KIR dengan kode itu yang boleh Anda lihat.",
                en: "no KIR case \(code) that you may see")
    }

    static func slotNotFound(_ id: Int) -> Refusal {
        Refusal(status: 404, code: "slot_not_found", id: "Jadwal itu tidak ada.", en: "no slot \(id)")
    }

    static func slotFull(_ id: Int) -> Refusal {
        Refusal(status: 409, code: "slot_full", id: "Jadwal itu sudah penuh.", en: "slot \(id) is full")
    }
}
