/// The refusals of forwarding a case between agencies and of the inspectorate's own work. Statuses
/// and codes are contracts (Schemas/openapi.yaml).
extension Refusal {
    public static let forwardAgencyRequired = Refusal(status: 400, code: "invalid_request", id: "Pilih instansi tujuan.",
                                                      en: "forward needs agency: the code of the agency to forward to")

    /// No agency has that code, or none that receives cases (no route names it).
    public static func unknownForwardAgency(_ code: String) -> Refusal {
        Refusal(status: 400, code: "unknown_agency", id: "Instansi tujuan tidak dikenal atau tidak menerima pengaduan.",
                en: "no agency \(code) that receives cases")
    }

    /// A case is forwarded to another agency, never to the one that holds it.
    public static let forwardToSameAgency = Refusal(status: 400, code: "same_agency",
                                                    id: "Kasus tidak dapat diteruskan ke instansi yang sedang menanganinya.",
                                                    en: "a case is forwarded to another agency than the one holding it")

    /// `decide` names no outcome the inspectorate knows.
    public static let invalidOutcome = Refusal(
        status: 400, code: "invalid_outcome",
        id: "Hasil harus salah satu dari: terbukti, tidak terbukti, diteruskan ke pimpinan, ke aparat penegak hukum, atau ke Ombudsman.",
        en: "outcome must be one of " + InspectionOutcome.allCases.map(\.rawValue).joined(separator: ", "))

    /// The inspectorate's actions are for the inspectorate's cases only.
    public static func notInspectorateCase(action: String) -> Refusal {
        Refusal(status: 409, code: "invalid_transition", id: "Tindakan ini hanya untuk kasus inspektorat.",
                en: "cannot \(action) a case that is not the inspectorate's")
    }
}
