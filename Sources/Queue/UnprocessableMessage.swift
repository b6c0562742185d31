/// What a handler throws for a message that no retry will ever process (an unknown type, a newer
/// version, fields that do not fit): the consumer dead-letters it at once with `reason`, instead of
/// retrying it until its attempts run out.
public struct UnprocessableMessage: Error, Sendable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
