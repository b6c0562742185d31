/// A message between the hub's parts on the queue: a `Codable` value with a stable type name and the
/// version of its shape. Producers and consumers share the type; `MessageEnvelope` (HubStore, beside the queue) writes it as one
/// flat JSON object, `type` and `version` beside the message's own fields, and reads it back.
///
/// A new kind of message is a new type conforming to this protocol, sent in a `CaseChange`'s outbox
/// to a `Destination`; nothing else changes.
public protocol HubMessage: Codable, Sendable, Equatable {
    /// The stable name on the wire (`complaint.received`).
    static var type: String { get }
    /// The version this code writes and the newest it reads; a message without one is version 1.
    static var version: Int { get }
}

extension HubMessage {
    /// Whether `other` is the same message (for comparing outboxes, whose messages are of any type).
    func isEqual(to other: any HubMessage) -> Bool {
        guard let other = other as? Self else { return false }
        return self == other
    }
}
