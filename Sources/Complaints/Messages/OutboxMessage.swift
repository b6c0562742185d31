/// Where a message goes. Each case is one kind of recipient with its own queue; the next kinds
/// (another agency, another desk) are new cases here.
public enum Destination: Sendable, Hashable {
    /// A module's work queue.
    case module(ModuleName)
    /// The reporter of the case, told by the sender in intake on each channel they left.
    case reporter
    /// The command centre that takes hazard reports (`HUB_HAZARD_WEBHOOK_URL`), told from intake.
    case commandCentre

    /// The message-table queue the destination consumes.
    public var queue: String {
        switch self {
        case .module(let module): return module.queue
        case .reporter: return "notify.reporter"
        case .commandCentre: return "notify.command-centre"
        }
    }
}

/// A message a change sends, written in the same transaction as the change (transactional outbox).
public struct OutboxMessage: Sendable, Equatable {
    public let destination: Destination
    public let message: any HubMessage
    /// While a message with this key waits on its queue, sending it again is a no-op.
    public let dedupeKey: String?

    public init(to destination: Destination, _ message: any HubMessage, dedupeKey: String? = nil) {
        self.destination = destination
        self.message = message
        self.dedupeKey = dedupeKey
    }

    public static func == (lhs: OutboxMessage, rhs: OutboxMessage) -> Bool {
        lhs.destination == rhs.destination && lhs.dedupeKey == rhs.dedupeKey && lhs.message.isEqual(to: rhs.message)
    }
}
