/// Who caused an event, as the public may see it: the hub, the citizen, or a staff role, never a
/// person. Stored as `complaint_events.actor_role` and in the audit log; a role read back that this
/// build does not know stays readable as `unrecognised` (shown as the system's, as before).
public enum ActorRole: Sendable, Hashable {
    case system
    case citizen
    case staff(Role)
    /// A stored role this build does not know, as stored.
    case unrecognised(String)

    /// The role a stored code stands for; an unknown code is `unrecognised`, never an error.
    public init(rawValue: String) {
        switch rawValue {
        case "system": self = .system
        case "citizen": self = .citizen
        default: self = Role(rawValue: rawValue).map(ActorRole.staff) ?? .unrecognised(rawValue)
        }
    }

    /// The stable code: `system`, `citizen` or a staff role's code.
    public var rawValue: String {
        switch self {
        case .system: return "system"
        case .citizen: return "citizen"
        case .staff(let role): return role.rawValue
        case .unrecognised(let code): return code
        }
    }
}
