import Foundation

/// One public timeline event: what happened, when, and which role did it.
public struct PublicEvent: Sendable {
    public let kind: EventKind
    public let at: Date
    public let actorRole: ActorRole
    public let toStatus: String?
    public let note: String?
    /// The note in English where the hub has it (a sub-unit's name); people's words have one language.
    public let noteEN: String?

    public init(kind: EventKind, at: Date, actorRole: ActorRole, toStatus: String?, note: String?, noteEN: String?) {
        self.kind = kind
        self.at = at
        self.actorRole = actorRole
        self.toStatus = toStatus
        self.note = note
        self.noteEN = noteEN
    }

    public func note(_ language: Language) -> String? { language == .en ? noteEN ?? note : note }
}
