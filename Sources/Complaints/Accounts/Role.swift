/// Who acts on a case. Public timelines show the role, never the person.
public enum Role: String, CaseIterable, Sendable, Codable {
    case admin, staff, supervisor, validator, inspector
    /// The letter roles (PETUNG DADI), each bound to one desa/kelurahan or kecamatan (`LetterPosition`).
    case villageFrontOffice = "village_front_office", villageSecretary = "village_secretary", villageHead = "village_head"
    case districtFrontOffice = "district_front_office", districtServiceHead = "district_service_head"
    case districtHead = "district_head", districtAdmin = "district_admin"

    /// The role works across modules (its queue and home are not one module's; the desk that serves
    /// it is intake's): inspectors and admins. Which cases each then sees is `StaffAccess`'s rule.
    public var seesEveryModule: Bool { self == .inspector || self == .admin }

    public var labelID: String {
        switch self {
        case .admin: return "Admin"
        case .staff: return "Petugas"
        case .supervisor: return "Supervisor"
        case .validator: return "Validator"
        case .inspector: return "Inspektur"
        default: return LetterPosition(role: self)?.labelID ?? rawValue
        }
    }

    public var labelEN: String {
        switch self {
        case .admin: return "Administrator"
        case .staff: return "Agency staff"
        case .supervisor: return "Supervisor"
        case .validator: return "Validator"
        case .inspector: return "Inspector"
        default: return LetterPosition(role: self)?.labelEN ?? rawValue
        }
    }
}

/// The one who caused a timeline event.
public enum Actor: Sendable, Equatable {
    case system
    case citizen
    case account(id: Int64, role: Role)

    /// The code shown on public events: a role, never an identity.
    public var publicRole: ActorRole {
        switch self {
        case .system: return .system
        case .citizen: return .citizen
        case .account(_, let role): return .staff(role)
        }
    }

    public var role: Role? {
        if case .account(_, let role) = self { return role }
        return nil
    }

    public var accountID: Int64? {
        if case .account(let id, _) = self { return id }
        return nil
    }
}
