/// A position in the letter chain (PETUNG DADI): a letter role and whether it sits in a desa/kelurahan
/// or in a kecamatan. Every letter role's account is bound to one region of that level.
public enum LetterPosition: String, CaseIterable, Sendable {
    case villageFrontOffice = "village_front_office"
    case villageSecretary = "village_secretary"
    case villageHead = "village_head"
    case districtFrontOffice = "district_front_office"
    case districtServiceHead = "district_service_head"
    case districtHead = "district_head"
    case districtAdmin = "district_admin"

    /// The position of a letter role; nil for the complaint roles.
    public init?(role: Role) { self.init(rawValue: role.rawValue) }

    /// The account role that holds this position.
    public var role: Role { Role(rawValue: rawValue)! }

    /// Whether the position sits in a desa/kelurahan (else in a kecamatan).
    public var inVillage: Bool { self == .villageFrontOffice || self == .villageSecretary || self == .villageHead }

    public var labelID: String {
        switch self {
        case .villageFrontOffice: return "Pelayanan Desa"
        case .villageSecretary: return "Sekretaris Desa"
        case .villageHead: return "Kepala Desa"
        case .districtFrontOffice: return "Pelayanan Kecamatan"
        case .districtServiceHead: return "Kasi Pelayanan"
        case .districtHead: return "Camat"
        case .districtAdmin: return "Admin Kecamatan"
        }
    }

    public var labelEN: String {
        switch self {
        case .villageFrontOffice: return "Village front office"
        case .villageSecretary: return "Village secretary"
        case .villageHead: return "Village head"
        case .districtFrontOffice: return "Sub-district front office"
        case .districtServiceHead: return "Head of services (kasi pelayanan)"
        case .districtHead: return "Sub-district head (camat)"
        case .districtAdmin: return "Sub-district administrator"
        }
    }

    public func label(_ language: Language) -> String { language == .en ? labelEN : labelID }
}
