import Foundation

/// A timeline event as staff see it (internal events included, identities as account ids).
public struct CaseEvent: Sendable, Equatable {
    public let kind: EventKind
    public let at: Date
    public let actorRole: ActorRole
    public let isPublic: Bool
    public let note: String?
    public let toStatus: String?

    public init(kind: EventKind, at: Date, actorRole: ActorRole, isPublic: Bool, note: String?, toStatus: String?) {
        self.kind = kind
        self.at = at
        self.actorRole = actorRole
        self.isPublic = isPublic
        self.note = note
        self.toStatus = toStatus
    }
}
