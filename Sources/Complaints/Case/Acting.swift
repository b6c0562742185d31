/// Someone the audit log names (`Actor` on a case, `AccountManager` on accounts): the account, if
/// any, and the role as recorded (`system`, `citizen`, `operator` or an account's role).
public protocol AuditedParty: Sendable, Equatable {
    var accountID: Int64? { get }
    var auditRole: String { get }
}

extension Actor: AuditedParty {
    /// The role recorded in the audit log: the same code the public timeline shows.
    public var auditRole: String { publicRole.rawValue }
}

extension AccountManager: AuditedParty {}

/// One who acts, with the client address of the HTTP request they acted through
/// (`HTTPRequest.clientAddress`, resolved from HUB_TRUSTED_PROXIES). It travels to every store
/// function that writes the audit log, which records both. The address is nil for the operator at
/// the command line (`hubctl`) and for the hub's own work (dispatch, sweeps).
public struct Acting<Who: AuditedParty>: Sendable, Equatable {
    public let who: Who
    public let address: String?

    /// - Parameter address: the request's client address; a blank one is recorded as none.
    public init(_ who: Who, from address: String? = nil) {
        self.who = who
        self.address = address.flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension Acting where Who == Actor {
    /// The hub itself (dispatch, deadlines, duplicates): no request, no address.
    public static var system: Self { Self(.system) }
}

extension Acting where Who == AccountManager {
    /// The operator at the command line (`hubctl`): no request, no address.
    public static var `operator`: Self { Self(.operator) }
}
