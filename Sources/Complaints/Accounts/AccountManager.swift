/// Who creates and manages an account (disables, enables, resets its password, ends its sessions):
/// the operator at the command line (`hubctl`), or a signed-in admin or inspector.
///
/// Inspector accounts are the inspectorate's own: only the operator or an inspector creates or
/// manages one. An admin who could make an inspector, reset an inspector's password or disable one
/// could read the inspectorate queue that is barred to admins, sign in as the inspector who is
/// looking into them, or shut the inspectorate out. Admins manage every other role; inspectors
/// manage inspector accounts only. Nobody disables their own account (the last admin would lock
/// everyone out); the operator can always undo what an account did.
public enum AccountManager: Sendable, Equatable {
    case `operator`
    case account(id: Int64, role: Role)
    /// A district admin creating the accounts of their kecamatan's letter positions (the region is
    /// `DistrictAdministration`'s to check); they manage no other accounts.
    case district(id: Int64)

    /// Whether this manager creates and manages accounts of `role`.
    public func manages(_ role: Role) -> Bool {
        switch self {
        case .operator: return true
        case .account(_, .admin): return role != .inspector
        case .account(_, .inspector): return role == .inspector
        case .account: return false
        case .district: return LetterPosition(role: role).map(DistrictAdministration.creatablePositions.contains) ?? false
        }
    }

    /// Whether this manager manages any accounts at all (the accounts page and API are theirs).
    public var managesAccounts: Bool { Role.allCases.contains(where: manages) }

    /// The roles whose accounts this manager may create, in the order of `Role.allCases`.
    public var managedRoles: [Role] { Role.allCases.filter(manages) }

    /// The role written to the audit log: `operator` for the command line.
    public var auditRole: String {
        switch self {
        case .operator: return "operator"
        case .account(_, let role): return role.rawValue
        case .district: return Role.districtAdmin.rawValue
        }
    }

    /// The managing account, nil for the operator.
    public var accountID: Int64? {
        switch self {
        case .operator: return nil
        case .account(let id, _), .district(let id): return id
        }
    }
}
