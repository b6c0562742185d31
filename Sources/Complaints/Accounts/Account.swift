/// A staff, supervisor, validator, inspector or admin account, and the scope it works in.
public struct Account: Sendable, Equatable {
    public let id: Int64
    public let login: String
    public let role: Role
    public let module: ModuleName?
    public let categories: [String]
    public let area: String?
    /// The sub-unit (UPT, bidang) the account works in: it then sees only cases disposed to it.
    public let subUnit: String?
    /// False once the account is disabled: it cannot log in and has no live session.
    public let active: Bool
    /// The desa/kelurahan or kecamatan (Kemendagri code) a letter role is bound to; nil for the others.
    public let region: String?

    public init(id: Int64, login: String, role: Role, module: ModuleName?, categories: [String], area: String?,
                subUnit: String?, active: Bool, region: String? = nil) {
        self.region = region
        self.id = id
        self.login = login
        self.role = role
        self.module = module
        self.categories = categories
        self.area = area
        self.subUnit = subUnit
        self.active = active
    }

    /// The actor this account appears as on timelines and audit records.
    public var actor: Actor { .account(id: id, role: role) }

    /// This account as a manager of other accounts (see `AccountManager`).
    public var manager: AccountManager { .account(id: id, role: role) }

    /// Whether the account works where a case with this sub-unit is: everywhere when it is bound to
    /// none, else only in its own.
    public func works(in subUnit: String?) -> Bool { self.subUnit == nil || self.subUnit == subUnit }

    /// Whether a case can be handed to this account: staff or a supervisor of the case's module who
    /// works where the case is.
    public func mayBeAssigned(_ stored: Case) -> Bool {
        (role == .staff || role == .supervisor) && module == stored.module && works(in: stored.subUnit)
    }

    /// The module that serves this account's work queue: its own, or intake for those who see every
    /// module (and for an account bound to none).
    public var queueModule: ModuleName { role.seesEveryModule ? .intake : (module ?? .intake) }
}
