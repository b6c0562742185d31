/// What the inspectorate decided about a report of misconduct (pungli, extortion, abuse of office),
/// as SP4N-LAPOR! names the ends of such a report. The raw values are the API's and the timeline's.
public enum InspectionOutcome: String, CaseIterable, Sendable, Codable {
    case substantiated
    case notSubstantiated = "not_substantiated"
    /// Handed to the head of the agency concerned for sanctions.
    case referredHead = "referred_head"
    /// Handed to law enforcement (the police or the prosecutor).
    case referredPolice = "referred_police"
    case referredOmbudsman = "referred_ombudsman"

    /// The words a citizen reads, in Indonesian.
    public var labelID: String {
        switch self {
        case .substantiated: return "Terbukti"
        case .notSubstantiated: return "Tidak terbukti"
        case .referredHead: return "Diteruskan kepada pimpinan instansi"
        case .referredPolice: return "Diteruskan kepada aparat penegak hukum"
        case .referredOmbudsman: return "Diteruskan kepada Ombudsman"
        }
    }

    /// The words a citizen reads, in English.
    public var labelEN: String {
        switch self {
        case .substantiated: return "Substantiated"
        case .notSubstantiated: return "Not substantiated"
        case .referredHead: return "Referred to the head of the agency"
        case .referredPolice: return "Referred to law enforcement"
        case .referredOmbudsman: return "Referred to the Ombudsman"
        }
    }

    public func label(_ language: Language) -> String { language == .en ? labelEN : labelID }
}
